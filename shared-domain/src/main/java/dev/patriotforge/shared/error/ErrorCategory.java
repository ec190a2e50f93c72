package dev.patriotforge.shared.error;

/**
 * What kind of failure a {@link DomainException} is. Each category has exactly one HTTP status, so
 * the services need one mapping from exception to response and no per-exception switch.
 */
public enum ErrorCategory {
    MALFORMED(400),
    INVALID_INPUT(422),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    PRECONDITION_FAILED(412),
    PRECONDITION_REQUIRED(428),
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCategory(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
