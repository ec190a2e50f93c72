package dev.patriotforge.shared.error;

/** Something unexpected failed; the detail says nothing about internals (500). */
public final class UnexpectedError extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnexpectedError() {
        super(
                ErrorCodes.INTERNAL_ERROR,
                ErrorCategory.INTERNAL,
                "Something went wrong on our side. The request id identifies it in our logs.");
    }
}
