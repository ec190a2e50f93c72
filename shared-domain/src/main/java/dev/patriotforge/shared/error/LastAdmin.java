package dev.patriotforge.shared.error;

/** Demoting or deleting the last live admin, which would leave nobody to manage accounts (409). */
public final class LastAdmin extends DomainException {
    private static final long serialVersionUID = 1L;

    public LastAdmin() {
        super(
                ErrorCodes.LAST_ADMIN,
                ErrorCategory.CONFLICT,
                "This is the last admin; make another admin first.");
    }
}
