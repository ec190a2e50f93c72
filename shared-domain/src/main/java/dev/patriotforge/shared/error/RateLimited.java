package dev.patriotforge.shared.error;

import java.time.Duration;
import java.util.List;

/** The client sent more requests than it may in a window, or a pool is full (429). */
public final class RateLimited extends DomainException {
    private static final long serialVersionUID = 1L;

    public RateLimited(Duration retryAfter) {
        super(
                ErrorCodes.RATE_LIMITED,
                ErrorCategory.RATE_LIMITED,
                "Too many requests. Try again later.",
                retryAfter,
                List.of());
    }
}
