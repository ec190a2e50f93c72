package dev.patriotforge.shared.error;

/** A body of another media type than JSON (415). */
public final class UnsupportedMediaType extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaType() {
        super(
                ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                ErrorCategory.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.");
    }
}
