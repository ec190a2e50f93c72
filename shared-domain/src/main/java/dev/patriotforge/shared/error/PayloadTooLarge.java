package dev.patriotforge.shared.error;

/** A body over the limit (413). */
public final class PayloadTooLarge extends DomainException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLarge() {
        super(
                ErrorCodes.PAYLOAD_TOO_LARGE,
                ErrorCategory.PAYLOAD_TOO_LARGE,
                "The request body is larger than 1 MiB.");
    }
}
