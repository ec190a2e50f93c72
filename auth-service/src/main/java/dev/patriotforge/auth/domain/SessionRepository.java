package dev.patriotforge.auth.domain;

import dev.patriotforge.shared.api.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions of users. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<UserSession, UUID> {

    /**
     * One page of the user's sessions that have neither ended nor expired, newest first,
     * keyset-paginated on {@code (created_at, id)}; {@code limit + 1} rows are read so that the
     * caller knows whether another page follows.
     */
    public List<UserSession> livePage(UUID userId, Instant now, KeysetCursor after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put("now", now);
        String where = "userId = :userId and deletedAt is null and expiresAt > :now";
        if (after != null) {
            where += " and (createdAt < :at or (createdAt = :at and id < :id))";
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        return find(where + " order by createdAt desc, id desc", parameters).range(0, limit).list();
    }

    /** Every session of the user that has not ended, locked for the update that ends them. */
    public List<UserSession> openForUpdate(UUID userId) {
        return find("userId = ?1 and deletedAt is null", userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Up to {@code limit} sessions that ended (revoked or expired) before {@code cutoff}, locked;
     * rows another transaction holds are skipped, so that purges on several replicas take different
     * rows and never wait for a request.
     */
    public List<UUID> lockEndedBefore(Instant cutoff, int limit) {
        return ids(
                getEntityManager()
                        .createNativeQuery(
                                "SELECT id FROM auth.forge_sessions"
                                        + " WHERE deleted_at < :cutoff OR expires_at < :cutoff"
                                        + " LIMIT :limit FOR UPDATE SKIP LOCKED",
                                UUID.class)
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Deletes the sessions (their refresh tokens must be gone); returns how many. */
    public long deleteByIds(List<UUID> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }

    static List<UUID> ids(List<?> rows) {
        return rows.stream().map(UUID.class::cast).toList();
    }

    /**
     * The session as it is now, for a check only: it is not kept in the persistence context, so a
     * later locking read in the same transaction gets the row's current state (and version), not
     * this copy.
     */
    public Optional<UserSession> peek(UUID id) {
        UserSession session = findById(id);
        if (session != null) {
            getEntityManager().detach(session);
        }
        return Optional.ofNullable(session);
    }

    public Optional<UserSession> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
