package dev.patriotforge.quote.rest;

/** Texts of quote-service's OpenAPI document; those both services share are in ProblemDocs. */
final class Docs {
    static final String CREATE =
            "Creates a draft owned by the caller. With Idempotency-Key (1..255 characters, kept 24"
                    + " hours per caller) a repeat with the same body replays the first response"
                    + " with Idempotent-Replayed: true and creates nothing. Creates are limited"
                    + " per user (FORGE_QUOTE_CREATE_RATE, default 60 a minute, replays included)"
                    + " and open quotes per customer (FORGE_QUOTE_MAX_OPEN_PER_CUSTOMER, default"
                    + " 1000).";
    static final String LIST =
            "Customers see their own quotes; staff and admin see all except other people's drafts."
                    + " Keyset-paginated: stable while quotes are created. A page ends early, with"
                    + " next_cursor, once it holds about 1 MiB of text (large quotes).";
    static final String PRICE =
            "submitted -> priced. Every item gets a unit price; totals use round-half-even:"
                    + " line_total = quantity * unit_price, tax = subtotal * tax_rate_bps / 10000.";
    static final String IF_MATCH =
            "The quote's ETag, e.g. \"3\"; a stale one gets 412 and changes nothing";
    static final String OK = "The quote after the transition, with ETag";
    static final String E403 = "forbidden: the caller's role may not do this";
    static final String E404 =
            "not_found: absent, deleted, or not visible to the caller (never tells which)";
    static final String E409 = "invalid_state_transition: not allowed from the current status";
    static final String E412 = "version_mismatch: If-Match is stale; nothing changed";
    static final String E413 = "payload_too_large: the body is over 1 MiB";
    static final String E422 = "validation_failed: the body breaks the schema (see errors)";

    private Docs() {}
}
