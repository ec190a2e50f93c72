package dev.patriotforge.shared.error;

/** The right password for an account whose email is not confirmed yet, where that is required. */
public final class EmailNotVerified extends DomainException {
    private static final long serialVersionUID = 1L;

    public EmailNotVerified() {
        super(
                ErrorCodes.EMAIL_NOT_VERIFIED,
                ErrorCategory.FORBIDDEN,
                "Confirm your email address first: follow the link in the mail we sent.");
    }
}
