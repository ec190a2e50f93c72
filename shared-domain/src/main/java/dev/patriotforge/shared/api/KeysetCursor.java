package dev.patriotforge.shared.api;

import dev.patriotforge.shared.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page in a newest-first list ordered by {@code (created_at
 * DESC, id DESC)}. Opaque to clients: base64url of {@code <epoch-micros>:<uuid>}. Rows inserted
 * later sort before the cursor, so following pages neither repeat nor skip rows.
 */
public record KeysetCursor(Instant createdAt, UUID id) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Rows are created in this era; a cursor outside it was not made by {@link #encode()}. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        long micros =
                Math.addExact(
                        Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                        createdAt.getNano() / 1_000L);
        return ENCODER.encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses a cursor from a query parameter; anything not made by {@link #encode()} is a 422. */
    public static KeysetCursor decode(String cursor) {
        try {
            String text = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            UUID id = UUID.fromString(text.substring(colon + 1));
            Instant at =
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("outside the era of stored rows");
            }
            return new KeysetCursor(at, id);
        } catch (IllegalArgumentException
                | IndexOutOfBoundsException
                | ArithmeticException
                | DateTimeException e) {
            throw ValidationFailed.of("cursor", "is not a cursor returned by this list");
        }
    }

    /** Checks {@code ?limit=}: absent means the default, otherwise 1..100. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return CursorPage.DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > CursorPage.MAX_LIMIT) {
            throw ValidationFailed.of("limit", "must be between 1 and " + CursorPage.MAX_LIMIT);
        }
        return requested;
    }
}
