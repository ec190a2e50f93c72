package dev.patriotforge.quote.domain;

import java.util.Locale;
import java.util.Optional;

/** The statuses of a quote; stored and shown in lower case ({@code draft}, {@code priced}). */
public enum QuoteStatus {
    DRAFT,
    SUBMITTED,
    PRICED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    CANCELLED;

    /** The name in the API and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if there is one (exact, lower case). */
    public static Optional<QuoteStatus> fromWire(String value) {
        for (QuoteStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
