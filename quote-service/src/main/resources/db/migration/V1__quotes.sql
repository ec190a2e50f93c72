-- quote schema, owned by role forge_quote. Flyway owns the schema; Hibernate only validates it.
CREATE SEQUENCE forge_quote_numbers START 1;

CREATE TABLE forge_quotes (
    id             uuid PRIMARY KEY,
    number         varchar(32)  NOT NULL UNIQUE,
    customer_id    uuid         NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN
                       ('draft', 'submitted', 'priced', 'accepted', 'declined', 'expired', 'cancelled')),
    title          varchar(200) NOT NULL,
    notes          varchar(5000),
    currency       char(3)      NOT NULL,
    subtotal_minor bigint,
    tax_rate_bps   integer CHECK (tax_rate_bps BETWEEN 0 AND 10000),
    tax_minor      bigint,
    total_minor    bigint,
    valid_until    timestamptz,
    submitted_at   timestamptz,
    priced_at      timestamptz,
    decided_at     timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    deleted_at     timestamptz,
    version        bigint       NOT NULL DEFAULT 0
);

CREATE INDEX forge_quotes_customer ON forge_quotes (customer_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX forge_quotes_created ON forge_quotes (created_at DESC, id DESC) WHERE deleted_at IS NULL;
