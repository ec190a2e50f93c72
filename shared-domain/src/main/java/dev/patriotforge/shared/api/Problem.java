package dev.patriotforge.shared.api;

import dev.patriotforge.shared.error.DomainException;
import dev.patriotforge.shared.error.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document with the contract's extensions {@code code}, {@code request_id} and,
 * for validation failures, {@code errors}. Serialized with snake_case names.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldError> errors) {

    /** The base of every problem {@code type}; the type URI ends in the code. */
    public static final String TYPE_BASE = "https://patriotforge.dev/problems/";

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(DomainException e, String instance, String requestId) {
        return new Problem(
                TYPE_BASE + e.code(),
                titleOf(e.code()),
                e.httpStatus(),
                e.detail(),
                instance,
                e.code(),
                requestId,
                e.fieldErrors());
    }

    /** {@code validation_failed} becomes {@code Validation failed}. */
    static String titleOf(String code) {
        String words = code.replace('_', ' ');
        return words.isEmpty()
                ? words
                : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
