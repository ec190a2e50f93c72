package dev.patriotforge.shared.error;

/** The client accepts no media type this endpoint produces (406). */
public final class NotAcceptable extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotAcceptable() {
        super(
                ErrorCodes.NOT_ACCEPTABLE,
                ErrorCategory.NOT_ACCEPTABLE,
                "This endpoint answers with application/json only.");
    }
}
