package dev.patriotforge.shared.error;

/** A stale {@code If-Match} (412). */
public final class VersionMismatch extends DomainException {
    private static final long serialVersionUID = 1L;

    public VersionMismatch() {
        super(
                ErrorCodes.VERSION_MISMATCH,
                ErrorCategory.PRECONDITION_FAILED,
                "If-Match does not match the current version.");
    }
}
