package dev.patriotforge.shared.error;

/** The token's {@code exp} has passed (401). */
public final class TokenExpired extends DomainException {
    private static final long serialVersionUID = 1L;

    public TokenExpired() {
        super(
                ErrorCodes.TOKEN_EXPIRED,
                ErrorCategory.UNAUTHENTICATED,
                "The bearer token has expired.");
    }
}
