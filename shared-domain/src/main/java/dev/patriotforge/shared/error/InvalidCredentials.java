package dev.patriotforge.shared.error;

/** Wrong email or password; never says which (401). */
public final class InvalidCredentials extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidCredentials() {
        super(
                ErrorCodes.INVALID_CREDENTIALS,
                ErrorCategory.UNAUTHENTICATED,
                "The email or password is wrong.");
    }
}
