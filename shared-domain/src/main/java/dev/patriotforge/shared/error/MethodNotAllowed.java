package dev.patriotforge.shared.error;

/** The path exists but not with this HTTP method (405). */
public final class MethodNotAllowed extends DomainException {
    private static final long serialVersionUID = 1L;

    public MethodNotAllowed() {
        super(
                ErrorCodes.METHOD_NOT_ALLOWED,
                ErrorCategory.METHOD_NOT_ALLOWED,
                "This method is not allowed on this path.");
    }
}
