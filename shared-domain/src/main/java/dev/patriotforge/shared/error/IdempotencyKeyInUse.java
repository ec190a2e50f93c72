package dev.patriotforge.shared.error;

/** A request with the same key is still running (409). */
public final class IdempotencyKeyInUse extends DomainException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyInUse() {
        super(
                ErrorCodes.IDEMPOTENCY_KEY_IN_USE,
                ErrorCategory.CONFLICT,
                "A request with this Idempotency-Key is still being processed.");
    }
}
