package dev.patriotforge.shared.error;

import java.util.Objects;

/**
 * One rejected field of a request: {@code field} uses JSON names, e.g. {@code items[0].quantity}.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
