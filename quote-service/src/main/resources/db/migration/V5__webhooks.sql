-- Webhooks (contract section 3.2): admins' subscriptions, the event outbox and one delivery per
-- subscription and event. An event and its deliveries are written in the transaction of the quote
-- change they describe (the audit event's id is the event's id), so an event exists if and only
-- if its change committed.

CREATE TABLE forge_webhook_subscriptions (
    id            uuid PRIMARY KEY,
    url           varchar(2048) NOT NULL,
    -- A JSON array of event types, e.g. ["quote.accepted"].
    events        jsonb         NOT NULL CHECK (jsonb_typeof(events) = 'array'),
    description   varchar(500),
    -- The signing secret, AES-256-GCM sealed (nonce || ciphertext+tag) with
    -- FORGE_WEBHOOK_ENCRYPTION_KEY, the subscription id as associated data.
    secret_sealed bytea         NOT NULL,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 0
);

CREATE INDEX forge_webhook_subscriptions_created
    ON forge_webhook_subscriptions (created_at DESC, id DESC);

-- The outbox: the exact body sent on every attempt (the same bytes each time).
CREATE TABLE forge_webhook_events (
    id          uuid PRIMARY KEY,
    type        varchar(40)  NOT NULL,
    quote_id    uuid         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE INDEX forge_webhook_events_created ON forge_webhook_events (created_at);

CREATE TABLE forge_webhook_deliveries (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES forge_webhook_subscriptions (id)
                        ON DELETE CASCADE,
    event_id        uuid        NOT NULL REFERENCES forge_webhook_events (id) ON DELETE CASCADE,
    attempt         integer     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    status          varchar(10) NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    response_status integer,
    -- When the next attempt is due (pending only).
    next_attempt_at timestamptz,
    -- No automatic attempt after this (24 h after the event, or after a manual retry).
    give_up_at      timestamptz NOT NULL,
    -- A dispatcher's claim: until lease_until no other dispatcher sends this delivery.
    lease_token     uuid,
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (subscription_id, event_id),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);

-- The dispatcher's claim: due pending deliveries, oldest due first.
CREATE INDEX forge_webhook_deliveries_due ON forge_webhook_deliveries (next_attempt_at)
    WHERE status = 'pending';
-- The delivery log of one subscription, newest first (keyset pages).
CREATE INDEX forge_webhook_deliveries_log
    ON forge_webhook_deliveries (subscription_id, created_at DESC, id DESC);
-- The purge of finished deliveries after the retention.
CREATE INDEX forge_webhook_deliveries_finished ON forge_webhook_deliveries (updated_at)
    WHERE status <> 'pending';
CREATE INDEX forge_webhook_deliveries_event ON forge_webhook_deliveries (event_id);
