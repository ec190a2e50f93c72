package dev.patriotforge.shared.error;

/** The token's session has been revoked (401). */
public final class TokenRevoked extends DomainException {
    private static final long serialVersionUID = 1L;

    public TokenRevoked() {
        super(
                ErrorCodes.TOKEN_REVOKED,
                ErrorCategory.UNAUTHENTICATED,
                "The session of this token has ended.");
    }
}
