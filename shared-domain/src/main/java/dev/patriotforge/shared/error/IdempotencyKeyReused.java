package dev.patriotforge.shared.error;

/** The same key was sent with a different body (422). */
public final class IdempotencyKeyReused extends DomainException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused() {
        super(
                ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                ErrorCategory.INVALID_INPUT,
                "This Idempotency-Key was used with a different request body.");
    }
}
