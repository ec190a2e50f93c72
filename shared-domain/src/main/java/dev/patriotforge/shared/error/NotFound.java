package dev.patriotforge.shared.error;

/**
 * Absent, soft-deleted, or not visible to this caller (404). The detail never says which, so that
 * nobody learns that someone else's resource exists.
 */
public class NotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(ErrorCodes.NOT_FOUND, ErrorCategory.NOT_FOUND, "No " + what + " was found here.");
    }

    public static NotFound resource() {
        return new NotFound("resource");
    }
}
