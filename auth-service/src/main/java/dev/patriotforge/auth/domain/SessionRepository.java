package dev.patriotforge.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions of users. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<UserSession, UUID> {

    /** The user's sessions that have neither ended nor expired, newest first. */
    public List<UserSession> live(UUID userId, Instant now) {
        return find(
                        "userId = ?1 and deletedAt is null and expiresAt > ?2"
                                + " order by createdAt desc, id desc",
                        userId,
                        now)
                .list();
    }

    /** Every session of the user that has not ended, locked for the update that ends them. */
    public List<UserSession> openForUpdate(UUID userId) {
        return find("userId = ?1 and deletedAt is null", userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Optional<UserSession> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
