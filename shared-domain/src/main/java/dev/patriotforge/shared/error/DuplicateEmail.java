package dev.patriotforge.shared.error;

/** Registration with an email that is taken (409). */
public final class DuplicateEmail extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateEmail() {
        super(
                ErrorCodes.DUPLICATE_EMAIL,
                ErrorCategory.CONFLICT,
                "An account with this email already exists.");
    }
}
