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
            "submitted -> priced, and priced -> priced (re-pricing before the customer decides)."
                    + " Every item gets a unit price, a discount (discount_bps, default 0) and"
                    + " optionally its own tax rate. Each pricing writes the next immutable"
                    + " revision. Arithmetic, each step rounded half to even on exact decimals:"
                    + " line_gross = quantity * unit_price; line_discount = line_gross *"
                    + " discount_bps / 10000; line_total = line_gross - line_discount; subtotal ="
                    + " sum(line_total); discount = sum(line_discount); per tax rate r (the"
                    + " line's, else the quote's): tax = sum(line_total of the group) * r /"
                    + " 10000; tax_minor = sum of the groups' tax; total = subtotal + tax. Every"
                    + " amount is at most 2^53 - 1 (422 otherwise).";
    static final String REQUEST_CHANGES =
            "priced -> submitted (owner). The reason goes to the audit trail; items, when given,"
                    + " replace the lines as in create. The quote's prices are cleared until the"
                    + " next pricing; earlier revisions keep their own items.";
    static final String ACCEPT =
            "priced -> accepted (owner), for the current revision. The optional body {signer_name,"
                    + " signer_title, purchase_order} is kept in the accept event with the"
                    + " caller's IP, user agent and the revision's number and sha256. Past"
                    + " valid_until the quote becomes expired and the answer is 409"
                    + " quote_expired.";
    static final String REVISIONS =
            "Every pricing of the quote, oldest first; a revision never changes. sha256 is the"
                    + " SHA-256 of the revision's canonical JSON (RFC 8785 for the subset used:"
                    + " this document without sha256, members sorted, no whitespace, quantities"
                    + " as decimal strings, instants in UTC with milliseconds).";
    static final String IF_MATCH =
            "The quote's ETag, e.g. \"3\"; a stale one gets 412 and changes nothing";
    static final String OK = "The quote after the transition, with ETag";
    static final String WEBHOOK_CREATE =
            "Admins only. The answer holds the signing secret (whsec_ + base64 of 32 random"
                    + " bytes) once; it is stored encrypted. Every event of the listed types is"
                    + " POSTed as {id, type, occurred_at, data: {quote}} with the Standard Webhooks"
                    + " headers webhook-id (the event id, the same on every attempt),"
                    + " webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of"
                    + " id.timestamp.body with the secret's bytes>). A 2xx within 10 s is a"
                    + " success; otherwise it is retried with exponential backoff and jitter for"
                    + " 24 h, then failed. Redirects are not followed.";
    static final String WEBHOOK_DELIVERIES =
            "One row per event and subscription: attempts so far, status pending, delivered or"
                    + " failed, the last answer's status, and when the next attempt is due.";
    static final String E404_WEBHOOK = "not_found: no such webhook subscription";
    static final String E403 = "forbidden: the caller's role may not do this";
    static final String E404 =
            "not_found: absent, deleted, or not visible to the caller (never tells which)";
    static final String E404_DOCUMENT =
            "not_found: the quote is absent, deleted or not visible to the caller, was never"
                    + " priced, or has no such revision";
    static final String DOCUMENT =
            "The quote document of a priced revision: seller, number and revision, customer email,"
                    + " title, notes, every item, subtotal, discounts, tax per rate, total,"
                    + " currency, valid until and priced at, in an embedded Unicode font. The same"
                    + " revision always gives the same bytes; the ETag is their SHA-256 and"
                    + " If-None-Match gets 304. Visible exactly where the quote is.";
    static final String E409 = "invalid_state_transition: not allowed from the current status";
    static final String E412 = "version_mismatch: If-Match is stale; nothing changed";
    static final String E413 = "payload_too_large: the body is over 1 MiB";
    static final String E422 = "validation_failed: the body breaks the schema (see errors)";

    private Docs() {}
}
