package dev.patriotforge.quote.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link QuoteStatus} by its lower-case wire name, as the table's CHECK expects. */
@Converter(autoApply = true)
public class QuoteStatusConverter implements AttributeConverter<QuoteStatus, String> {
    @Override
    public String convertToDatabaseColumn(QuoteStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public QuoteStatus convertToEntityAttribute(String value) {
        return value == null
                ? null
                : QuoteStatus.fromWire(value)
                        .orElseThrow(() -> new IllegalStateException("unknown quote status"));
    }
}
