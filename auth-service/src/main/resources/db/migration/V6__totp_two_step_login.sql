-- Two-step login with TOTP (issue 14, contract 2.2).

-- The account's TOTP: the secret encrypted with AES-256-GCM (nonce || ciphertext+tag, the user's
-- id bound in as associated data), when it was confirmed (TOTP is on only once confirmed; an
-- unconfirmed secret is an enrolment in progress), and the last time step whose code was accepted:
-- a code of that step or an earlier one is refused, so a code works at most once.
ALTER TABLE forge_users
    ADD COLUMN totp_secret       bytea CHECK (octet_length(totp_secret) BETWEEN 28 AND 128),
    ADD COLUMN totp_confirmed_at timestamptz,
    ADD COLUMN totp_last_step    bigint,
    ADD CONSTRAINT forge_users_totp_confirmed_has_secret
        CHECK (totp_confirmed_at IS NULL OR totp_secret IS NOT NULL);

-- The methods that opened a session ('pwd', or 'pwd otp'), carried into every access token the
-- session's refreshes issue (the amr claim, RFC 8176).
ALTER TABLE forge_sessions ADD COLUMN amr varchar(32) NOT NULL DEFAULT 'pwd'
    CHECK (amr IN ('pwd', 'pwd otp'));

-- Recovery codes: ten per confirmation (a new confirmation replaces them), stored as SHA-256
-- (each code carries 80 random bits), each usable once.
CREATE TABLE forge_recovery_codes (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES forge_users (id),
    code_hash   bytea       NOT NULL CHECK (octet_length(code_hash) = 32),
    created_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX forge_recovery_codes_user ON forge_recovery_codes (user_id) WHERE used_at IS NULL;

-- The second step of a login: issued when the password was right for an account with TOTP on,
-- spent by the first right code. Only the SHA-256 is stored. credential_stamp is the SHA-256 of
-- the password hash it was issued against, so a password change or reset voids it.
CREATE TABLE forge_mfa_tokens (
    id                uuid PRIMARY KEY,
    user_id           uuid        NOT NULL REFERENCES forge_users (id),
    token_hash        bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    credential_stamp  bytea       NOT NULL CHECK (octet_length(credential_stamp) = 32),
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz
);

CREATE UNIQUE INDEX forge_mfa_tokens_hash ON forge_mfa_tokens (token_hash);
CREATE INDEX forge_mfa_tokens_expiry ON forge_mfa_tokens (expires_at);

-- The refresh grace: the session's most recently spent refresh token.
CREATE INDEX forge_refresh_tokens_session_spent
    ON forge_refresh_tokens (session_id, spent_at DESC) WHERE spent_at IS NOT NULL;
