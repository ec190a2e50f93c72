package dev.patriotforge.shared.error;

/** There is no TOTP enrolment to confirm (409): start one with POST /api/auth/mfa/totp. */
public final class MfaNotEnrolled extends DomainException {
    private static final long serialVersionUID = 1L;

    public MfaNotEnrolled() {
        super(
                ErrorCodes.MFA_NOT_ENROLLED,
                ErrorCategory.CONFLICT,
                "There is no TOTP enrolment to confirm.");
    }
}
