package dev.patriotforge.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, found by the hash of the presented token. */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** The session of the token with this hash, read without a lock. */
    public Optional<UUID> sessionOf(byte[] tokenHash) {
        List<?> rows =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT session_id FROM auth.forge_refresh_tokens WHERE"
                                        + " token_hash = :hash")
                        .setParameter("hash", tokenHash)
                        .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(NativeRows.uuid(rows.get(0)));
    }

    /** When the session's latest rotation spent its tokens; empty when none was spent yet. */
    public Optional<Instant> lastSpentAt(UUID sessionId) {
        List<?> rows =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT max(spent_at) FROM auth.forge_refresh_tokens WHERE"
                                        + " session_id = :session")
                        .setParameter("session", sessionId)
                        .getResultList();
        return rows.isEmpty() || rows.get(0) == null
                ? Optional.empty()
                : Optional.of(NativeRows.instant(rows.get(0)));
    }

    /** Spends every live refresh token of the session (a rotation leaves only its new one). */
    public int spendLive(UUID sessionId, Instant now) {
        return getEntityManager()
                .createNativeQuery(
                        "UPDATE auth.forge_refresh_tokens SET spent_at = :now, updated_at = :now"
                                + " WHERE session_id = :session AND spent_at IS NULL")
                .setParameter("now", now)
                .setParameter("session", sessionId)
                .executeUpdate();
    }

    /** The token row, locked so that two concurrent refreshes with one token cannot both win. */
    public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return find("tokenHash", (Object) tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Locks every refresh token of the sessions without waiting: if a refresh holds one, this fails
     * at once (SQL state 55P03) instead of queueing behind it.
     */
    public void lockOfSessionsNoWait(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery(
                        "SELECT id FROM auth.forge_refresh_tokens WHERE session_id IN (:ids)"
                                + " FOR UPDATE NOWAIT",
                        UUID.class)
                .setParameter("ids", sessionIds)
                .getResultList();
    }

    /** Deletes every refresh token of the sessions; returns how many. */
    public long deleteOfSessions(List<UUID> sessionIds) {
        return sessionIds.isEmpty() ? 0 : delete("sessionId in ?1", sessionIds);
    }

    /**
     * Forgets up to {@code limit} tokens that expired before {@code cutoff}, skipping rows another
     * transaction holds; returns how many.
     */
    public long purgeExpired(Instant cutoff, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "DELETE FROM auth.forge_refresh_tokens WHERE id IN (SELECT id FROM"
                            + " auth.forge_refresh_tokens WHERE expires_at < :cutoff LIMIT :limit"
                            + " FOR UPDATE SKIP LOCKED)")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
