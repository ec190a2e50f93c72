package dev.patriotforge.shared.error;

/** The caller already has as many open items (e.g. open quotes) as it may have (409). */
public final class QuotaExceeded extends DomainException {
    private static final long serialVersionUID = 1L;

    public QuotaExceeded(String message) {
        super(ErrorCodes.QUOTA_EXCEEDED, ErrorCategory.CONFLICT, message);
    }
}
