package dev.patriotforge.shared.error;

/** No quote with that id is visible to the caller (404). */
public final class QuoteNotFound extends NotFound {
    private static final long serialVersionUID = 1L;

    public QuoteNotFound() {
        super("quote");
    }
}
