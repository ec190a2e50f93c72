package dev.patriotforge.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time tokens sent by mail (table {@code forge_action_tokens}), of which only the SHA-256 is
 * stored. Native SQL: a token is spent by one conditional UPDATE, so of two parallel uses exactly
 * one changes the row.
 */
@ApplicationScoped
public class ActionTokenRepository {
    private final EntityManager em;

    public ActionTokenRepository(EntityManager em) {
        this.em = em;
    }

    /** A token that is neither used nor expired. */
    public record Usable(UUID id, UUID userId, String kind, String newEmail) {}

    /** Voids the user's open tokens of these kinds (a newer one replaces them). */
    public int voidOpen(UUID userId, Collection<String> kinds, Instant now) {
        return em.createNativeQuery(
                        "UPDATE auth.forge_action_tokens SET used_at = :now WHERE user_id = :user"
                                + " AND kind IN (:kinds) AND used_at IS NULL")
                .setParameter("now", now)
                .setParameter("user", userId)
                .setParameter("kinds", kinds)
                .executeUpdate();
    }

    public void insert(
            UUID userId, String kind, byte[] hash, String newEmail, Instant now, Instant expires) {
        em.createNativeQuery(
                        "INSERT INTO auth.forge_action_tokens (id, user_id, kind, token_hash,"
                                + " new_email, created_at, expires_at) VALUES (:id, :user, :kind,"
                                + " :hash, :email, :now, :expires)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("user", userId)
                .setParameter("kind", kind)
                .setParameter("hash", hash)
                .setParameter("email", newEmail)
                .setParameter("now", now)
                .setParameter("expires", expires)
                .executeUpdate();
    }

    /** The usable token with this hash, if it is of one of the kinds. */
    public Optional<Usable> findUsable(byte[] hash, Collection<String> kinds, Instant now) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT id, user_id, kind, new_email FROM"
                                        + " auth.forge_action_tokens WHERE token_hash = :hash AND"
                                        + " kind IN (:kinds) AND used_at IS NULL AND expires_at >"
                                        + " :now")
                        .setParameter("hash", hash)
                        .setParameter("kinds", kinds)
                        .setParameter("now", now)
                        .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(
                new Usable(
                        NativeRows.uuid(row[0]),
                        NativeRows.uuid(row[1]),
                        (String) row[2],
                        (String) row[3]));
    }

    /**
     * Spends the token if it is still unused and unexpired; false when another use (or a newer
     * token) got there first.
     */
    public boolean consume(UUID id, Instant now) {
        return em.createNativeQuery(
                                "UPDATE auth.forge_action_tokens SET used_at = :now WHERE id ="
                                        + " :id AND used_at IS NULL AND expires_at > :now")
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Deletes up to {@code batch} tokens that expired before the cutoff. */
    public int purgeExpired(Instant cutoff, int batch) {
        return em.createNativeQuery(
                        "DELETE FROM auth.forge_action_tokens WHERE id IN (SELECT id FROM"
                                + " auth.forge_action_tokens WHERE expires_at < :cutoff LIMIT"
                                + " :batch FOR UPDATE SKIP LOCKED)")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
