-- Bounded session lists and the purge of ended sessions.

-- The caller's live sessions, newest first, keyset-paginated on (created_at, id).
CREATE INDEX forge_sessions_user_page
    ON forge_sessions (user_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
DROP INDEX forge_sessions_user_live;

-- The hourly purge finds sessions that were revoked, or expired, before the retention cutoff.
CREATE INDEX forge_sessions_ended ON forge_sessions (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX forge_sessions_expiry ON forge_sessions (expires_at);
