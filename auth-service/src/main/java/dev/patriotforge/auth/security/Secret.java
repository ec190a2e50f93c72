package dev.patriotforge.auth.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * A password or token from a request body. Its {@code toString()} hides the value, so it cannot
 * reach a log line, an exception message or a validation error by accident; the value is read only
 * with {@link #reveal()}. It is never serialized back out.
 */
public final class Secret {
    private static final String HIDDEN = "[secret]";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself: for hashing and comparing only. */
    public String reveal() {
        return value;
    }

    /** Length in Unicode code points (what users count as characters). */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
