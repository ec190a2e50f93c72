package dev.patriotforge.shared.error;

/** No credentials were presented (401). */
public final class Unauthenticated extends DomainException {
    private static final long serialVersionUID = 1L;

    public Unauthenticated() {
        super(
                ErrorCodes.UNAUTHENTICATED,
                ErrorCategory.UNAUTHENTICATED,
                "A bearer token is required.");
    }
}
