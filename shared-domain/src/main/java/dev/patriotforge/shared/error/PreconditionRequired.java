package dev.patriotforge.shared.error;

/** A write that needs {@code If-Match} came without it (428). */
public final class PreconditionRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequired() {
        super(
                ErrorCodes.PRECONDITION_REQUIRED,
                ErrorCategory.PRECONDITION_REQUIRED,
                "This request requires an If-Match header.");
    }
}
