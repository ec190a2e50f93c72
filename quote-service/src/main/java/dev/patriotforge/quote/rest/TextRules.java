package dev.patriotforge.quote.rest;

/** Regular expressions for text fields, used with {@code @Pattern}. */
final class TextRules {
    /** At least one character that is not whitespace. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    /** No NUL character: PostgreSQL text cannot hold one, so it would fail at the database. */
    static final String NO_NUL = "[^\\u0000]*";

    static final String NO_NUL_MESSAGE = "must not contain NUL characters";

    private TextRules() {}
}
