package dev.patriotforge.shared.error;

/**
 * The caller's role must log in with a second factor ({@code FORGE_MFA_REQUIRED_ROLES}) and this
 * token was issued without one (403): turn TOTP on at /api/auth/mfa/totp and log in again.
 */
public final class MfaRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    public MfaRequired() {
        super(
                ErrorCodes.MFA_REQUIRED,
                ErrorCategory.FORBIDDEN,
                "Your role needs a two-step login: turn on TOTP and log in again with a code.");
    }
}
