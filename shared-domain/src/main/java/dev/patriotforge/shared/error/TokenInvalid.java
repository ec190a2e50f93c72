package dev.patriotforge.shared.error;

/** The token is malformed, wrongly signed, or for another issuer or audience (401). */
public final class TokenInvalid extends DomainException {
    private static final long serialVersionUID = 1L;

    public TokenInvalid() {
        super(
                ErrorCodes.TOKEN_INVALID,
                ErrorCategory.UNAUTHENTICATED,
                "The bearer token is not valid.");
    }
}
