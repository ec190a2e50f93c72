package dev.patriotforge.quote.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a timestamp only as an RFC 3339 string with an offset ({@code 2026-12-01T00:00:00Z}); a
 * number, or text without an offset, is a wrong type (422) rather than silently epoch seconds.
 */
public class Rfc3339Instant extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    public Rfc3339Instant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
            throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText().trim();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant)
                    context.handleWeirdStringValue(
                            Instant.class, text, "must be an RFC 3339 timestamp");
        }
    }
}
