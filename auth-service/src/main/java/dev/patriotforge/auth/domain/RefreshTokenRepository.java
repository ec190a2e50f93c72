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
