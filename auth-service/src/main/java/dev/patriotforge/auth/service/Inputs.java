package dev.patriotforge.auth.service;

import dev.patriotforge.shared.error.FieldError;
import dev.patriotforge.shared.error.ValidationFailed;
import dev.patriotforge.shared.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes and checks the fields of the contract that need more than Bean Validation: emails are
 * trimmed and lower-cased, display names trimmed; problems are collected so that one 422 names
 * every bad field.
 */
final class Inputs {
    static final int MAX_EMAIL = 254;
    static final int MAX_DISPLAY_NAME = 100;
    private static final Pattern EMAIL =
            Pattern.compile(
                    "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                        + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final List<FieldError> errors = new ArrayList<>();

    /** The form in which emails are stored and compared: trimmed, lower-case. */
    static String normalizeEmail(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    String email(String field, String raw) {
        String email = normalizeEmail(raw);
        int at = email.lastIndexOf('@');
        if (email.isEmpty()) {
            reject(field, "must not be empty");
        } else if (email.length() > MAX_EMAIL) {
            reject(field, "must be at most " + MAX_EMAIL + " characters");
        } else if (!EMAIL.matcher(email).matches() || at > 64) {
            reject(field, "must be an email address");
        }
        return email;
    }

    String displayName(String field, String raw) {
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_DISPLAY_NAME) {
            reject(field, "must be 1 to " + MAX_DISPLAY_NAME + " characters after trimming");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            reject(field, "must not contain control characters");
        } else if (name.codePoints().anyMatch(Inputs::isUnpairedSurrogate)) {
            // JSON escapes can carry one, UTF-8 cannot: PostgreSQL would store "?" instead.
            reject(field, "must not contain unpaired surrogates");
        }
        return name;
    }

    /** {@code codePoints()} yields a surrogate on its own only when it has no partner. */
    private static boolean isUnpairedSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    String role(String field, String raw) {
        if (!Roles.isRole(raw)) {
            reject(field, "must be one of customer, staff, admin");
        }
        return raw;
    }

    void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws one 422 naming every field rejected so far. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }
}
