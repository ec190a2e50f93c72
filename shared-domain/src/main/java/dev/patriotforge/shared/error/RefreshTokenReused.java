package dev.patriotforge.shared.error;

/** A spent refresh token was presented again; its session is revoked (401). */
public final class RefreshTokenReused extends DomainException {
    private static final long serialVersionUID = 1L;

    public RefreshTokenReused() {
        super(
                ErrorCodes.REFRESH_TOKEN_REUSED,
                ErrorCategory.UNAUTHENTICATED,
                "This refresh token was already used; the session has been ended.");
    }
}
