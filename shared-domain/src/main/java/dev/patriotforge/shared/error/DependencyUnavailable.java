package dev.patriotforge.shared.error;

import java.time.Duration;
import java.util.List;

/** PostgreSQL or Redis cannot be reached; the request changed nothing (503 with Retry-After). */
public final class DependencyUnavailable extends DomainException {
    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public DependencyUnavailable() {
        this(DEFAULT_RETRY_AFTER);
    }

    public DependencyUnavailable(Duration retryAfter) {
        super(
                ErrorCodes.DEPENDENCY_UNAVAILABLE,
                ErrorCategory.UNAVAILABLE,
                "A service this request needs is unavailable. Try again shortly.",
                retryAfter,
                List.of());
    }
}
