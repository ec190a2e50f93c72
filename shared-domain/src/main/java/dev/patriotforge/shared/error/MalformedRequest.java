package dev.patriotforge.shared.error;

/** The body is not JSON at all (400). */
public final class MalformedRequest extends DomainException {
    private static final long serialVersionUID = 1L;

    public MalformedRequest(String detail) {
        super(ErrorCodes.MALFORMED_REQUEST, ErrorCategory.MALFORMED, detail);
    }
}
