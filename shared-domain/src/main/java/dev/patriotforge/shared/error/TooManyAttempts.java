package dev.patriotforge.shared.error;

import java.time.Duration;
import java.util.List;

/** The account is locked after repeated failed logins (429 with Retry-After). */
public final class TooManyAttempts extends DomainException {
    private static final long serialVersionUID = 1L;

    public TooManyAttempts(Duration retryAfter) {
        super(
                ErrorCodes.TOO_MANY_ATTEMPTS,
                ErrorCategory.RATE_LIMITED,
                "Too many failed attempts. Try again later.",
                retryAfter,
                List.of());
    }
}
