package dev.patriotforge.quote.rest;

/** Regular expressions for text fields, used with {@code @Pattern}. */
final class TextRules {
    /** At least one character that is not whitespace. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    /**
     * Text PostgreSQL stores as sent: no NUL character (text cannot hold one, so it would fail at
     * the database) and no unpaired surrogate (JSON can carry {@code \ud800}, UTF-8 cannot: the
     * driver would store {@code ?} while the answer showed the original). Surrogate pairs, i.e.
     * characters outside the Basic Multilingual Plane, match as one code point and are fine.
     */
    static final String STORABLE = "[^\\u0000\\uD800-\\uDFFF]*";

    static final String STORABLE_MESSAGE = "must not contain NUL characters or unpaired surrogates";

    private TextRules() {}
}
