package dev.patriotforge.shared.error;

/** TOTP is already on for this account (409); turn it off first to enrol a new authenticator. */
public final class MfaAlreadyEnabled extends DomainException {
    private static final long serialVersionUID = 1L;

    public MfaAlreadyEnabled() {
        super(
                ErrorCodes.MFA_ALREADY_ENABLED,
                ErrorCategory.CONFLICT,
                "TOTP is already on for this account.");
    }
}
