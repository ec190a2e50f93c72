-- Idempotent creates live here, not in the shared Redis: one row per (caller, Idempotency-Key),
-- written in the transaction that creates the quote, so "created exactly once" is atomic and what
-- a customer can store is bounded by the create rate and kept 24 hours (a scheduled purge).
CREATE TABLE forge_quote_idempotency (
    caller_id       uuid        NOT NULL,
    -- SHA-256 (hex) of the Idempotency-Key, so that a key of any length takes 64 characters.
    key_sha256      char(64)    NOT NULL,
    -- SHA-256 (hex) of the canonical request body; the same key with another body is a 422.
    request_sha256  char(64)    NOT NULL,
    quote_id        uuid        NOT NULL REFERENCES forge_quotes (id),
    -- The first response, replayed as it was: its status and body (the quote at creation).
    response_status smallint    NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller_id, key_sha256)
);

-- The purge deletes the oldest records first.
CREATE INDEX forge_quote_idempotency_created ON forge_quote_idempotency (created_at);

-- The open-quote quota counts a customer's draft, submitted and priced quotes on each create.
CREATE INDEX forge_quotes_open ON forge_quotes (customer_id)
    WHERE deleted_at IS NULL AND status IN ('draft', 'submitted', 'priced');
