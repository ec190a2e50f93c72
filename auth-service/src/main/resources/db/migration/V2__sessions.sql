-- Sessions: one per login. Access tokens carry the session id (sid); refresh tokens belong to a
-- session and are stored only as SHA-256 hashes. A session ends (deleted_at) on logout,
-- revocation or refresh-token reuse; its refresh tokens then stop working.
CREATE TABLE forge_sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES forge_users (id),
    user_agent    varchar(512),
    ip            varchar(64),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    last_used_at  timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    deleted_at    timestamptz,
    end_reason    varchar(32),
    version       bigint       NOT NULL DEFAULT 0
);

-- The caller's live sessions, newest first.
CREATE INDEX forge_sessions_user_live
    ON forge_sessions (user_id, created_at DESC) WHERE deleted_at IS NULL;

-- Every refresh token a session was given. The newest is live; older ones are spent (spent_at)
-- and are kept until the session expires so that presenting one again is recognized as reuse.
CREATE TABLE forge_refresh_tokens (
    id          uuid PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES forge_sessions (id),
    token_hash  bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    version     bigint      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX forge_refresh_tokens_hash ON forge_refresh_tokens (token_hash);
CREATE INDEX forge_refresh_tokens_session ON forge_refresh_tokens (session_id);
CREATE INDEX forge_refresh_tokens_expiry ON forge_refresh_tokens (expires_at);
