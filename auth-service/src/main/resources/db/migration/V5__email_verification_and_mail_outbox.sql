-- Email verification, password reset, email change, and the mail outbox (issue 13).

-- Accounts that exist before this migration never confirmed their address, so they start
-- unverified: the email_verified claim must be true only for a confirmed address. They can
-- confirm through /email/verify/resend after a login, or through a password reset (which marks
-- the address verified) when FORGE_AUTH_REQUIRE_VERIFIED_EMAIL keeps them from logging in.
ALTER TABLE forge_users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- One-time tokens sent by mail. Only the SHA-256 of the token is stored. A token is spent by its
-- use, or voided when a newer one of the same kind is issued (used_at, either way).
CREATE TABLE forge_action_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES forge_users (id),
    kind        varchar(16)  NOT NULL CHECK (kind IN ('verify', 'reset', 'email_change')),
    token_hash  bytea        NOT NULL CHECK (octet_length(token_hash) = 32),
    -- The address an email change moves to; only email_change tokens have one.
    new_email   varchar(254) CHECK ((kind = 'email_change') = (new_email IS NOT NULL)),
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz
);

CREATE UNIQUE INDEX forge_action_tokens_hash ON forge_action_tokens (token_hash);
-- Voiding the user's earlier tokens of a kind.
CREATE INDEX forge_action_tokens_user_open
    ON forge_action_tokens (user_id, kind) WHERE used_at IS NULL;
-- The purge of spent and expired tokens.
CREATE INDEX forge_action_tokens_expiry ON forge_action_tokens (expires_at);

-- Transactional outbox: a row is written in the transaction of the change that causes the mail
-- and sent by the dispatcher. payload holds what the templates need (the link with its token)
-- and is cleared once the mail is sent or given up; last_error never holds a token.
CREATE TABLE forge_mail_outbox (
    id              uuid PRIMARY KEY,
    recipient       varchar(254) NOT NULL,
    kind            varchar(32)  NOT NULL CHECK (kind IN
                        ('verify_email', 'password_reset', 'email_change_confirm',
                         'email_change_notice')),
    subject         varchar(200) NOT NULL,
    payload         text,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    failed_at       timestamptz
);

-- The dispatcher's claim: due rows that are neither sent nor given up, oldest first.
CREATE INDEX forge_mail_outbox_due
    ON forge_mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- The backlog gauge (oldest pending mail).
CREATE INDEX forge_mail_outbox_pending
    ON forge_mail_outbox (created_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- The purge of sent and given-up rows after the retention period.
CREATE INDEX forge_mail_outbox_done
    ON forge_mail_outbox (coalesce(sent_at, failed_at))
    WHERE sent_at IS NOT NULL OR failed_at IS NOT NULL;
