-- quote schema, owned by role forge_quote. Flyway owns the schema; Hibernate only validates it.

-- Quote numbers: Q-<year>-<6 digits>, unique and increasing across years.
CREATE SEQUENCE forge_quote_numbers START 1;

CREATE TABLE forge_quotes (
    id             uuid PRIMARY KEY,
    number         varchar(32)  NOT NULL UNIQUE,
    customer_id    uuid         NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN
                       ('draft', 'submitted', 'priced', 'accepted', 'declined', 'expired', 'cancelled')),
    title          varchar(200) NOT NULL,
    notes          varchar(5000),
    currency       varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal_minor bigint CHECK (subtotal_minor >= 0),
    tax_rate_bps   integer CHECK (tax_rate_bps BETWEEN 0 AND 10000),
    tax_minor      bigint CHECK (tax_minor >= 0),
    total_minor    bigint CHECK (total_minor >= 0),
    valid_until    timestamptz,
    submitted_at   timestamptz,
    priced_at      timestamptz,
    decided_at     timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    deleted_at     timestamptz,
    version        bigint       NOT NULL DEFAULT 0,
    -- Money is all there once priced, or not at all.
    CHECK ((subtotal_minor IS NULL) = (total_minor IS NULL)
           AND (tax_minor IS NULL) = (total_minor IS NULL)
           AND (tax_rate_bps IS NULL) = (total_minor IS NULL)
           AND (valid_until IS NULL) = (priced_at IS NULL))
);

-- Keyset pages, newest first: everyone's (staff) and one customer's.
CREATE INDEX forge_quotes_customer ON forge_quotes (customer_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX forge_quotes_created ON forge_quotes (created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- The expiry sweep looks only at priced quotes.
CREATE INDEX forge_quotes_priced_due ON forge_quotes (valid_until)
    WHERE status = 'priced' AND deleted_at IS NULL;

-- The lines of a quote. They belong to the quote aggregate: replaced as a whole by an update,
-- versioned and soft-deleted through their quote.
CREATE TABLE forge_quote_items (
    id               uuid PRIMARY KEY,
    quote_id         uuid          NOT NULL REFERENCES forge_quotes (id),
    position         integer       NOT NULL CHECK (position >= 0),
    description      varchar(500)  NOT NULL,
    quantity         numeric(10, 3) NOT NULL CHECK (quantity > 0 AND quantity <= 1000000),
    unit             varchar(20)   NOT NULL,
    unit_price_minor bigint CHECK (unit_price_minor >= 0),
    line_total_minor bigint CHECK (line_total_minor >= 0),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CHECK ((unit_price_minor IS NULL) = (line_total_minor IS NULL)),
    -- Deferred: an update deletes the old lines and inserts the new ones in one transaction.
    CONSTRAINT forge_quote_items_position UNIQUE (quote_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- The audit trail: one row per create, update, transition and deletion, written in the same
-- transaction as the change. actor_id is null for the system (the expiry sweep).
CREATE TABLE forge_quote_events (
    id          uuid PRIMARY KEY,
    -- Insertion order, so that events of the same instant still list oldest first.
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    quote_id    uuid        NOT NULL REFERENCES forge_quotes (id),
    type        varchar(16) NOT NULL CHECK (type IN
                    ('created', 'updated', 'submitted', 'priced', 'accepted', 'declined', 'expired',
                     'cancelled', 'deleted')),
    actor_id    uuid,
    from_status varchar(16),
    to_status   varchar(16) NOT NULL,
    at          timestamptz NOT NULL
);

CREATE INDEX forge_quote_events_quote ON forge_quote_events (quote_id, seq);
