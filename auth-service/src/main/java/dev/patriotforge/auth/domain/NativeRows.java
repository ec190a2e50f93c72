package dev.patriotforge.auth.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads the columns of native query rows, whatever Java type the driver chose for them. */
final class NativeRows {
    private NativeRows() {}

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
