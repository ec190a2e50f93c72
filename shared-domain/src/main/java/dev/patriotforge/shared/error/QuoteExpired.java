package dev.patriotforge.shared.error;

/** Accepting a quote past {@code valid_until} (409). */
public final class QuoteExpired extends DomainException {
    private static final long serialVersionUID = 1L;

    public QuoteExpired() {
        super(
                ErrorCodes.QUOTE_EXPIRED,
                ErrorCategory.CONFLICT,
                "The quote is past its valid_until and has expired.");
    }
}
