package dev.patriotforge.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * TOTP recovery codes (table {@code forge_recovery_codes}), stored as SHA-256, each spent by one
 * conditional UPDATE.
 */
@ApplicationScoped
public class RecoveryCodeRepository {
    private final EntityManager em;

    public RecoveryCodeRepository(EntityManager em) {
        this.em = em;
    }

    /** Replaces the user's codes with these. */
    public void replace(UUID userId, List<byte[]> hashes, Instant now) {
        deleteAll(userId);
        for (byte[] hash : hashes) {
            em.createNativeQuery(
                            "INSERT INTO auth.forge_recovery_codes (id, user_id, code_hash,"
                                    + " created_at) VALUES (:id, :user, :hash, :now)")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("user", userId)
                    .setParameter("hash", hash)
                    .setParameter("now", now)
                    .executeUpdate();
        }
    }

    /** Spends the user's unused code with this hash; false when there is none. */
    public boolean consume(UUID userId, byte[] hash, Instant now) {
        return em.createNativeQuery(
                                "UPDATE auth.forge_recovery_codes SET used_at = :now WHERE id ="
                                        + " (SELECT id FROM auth.forge_recovery_codes WHERE"
                                        + " user_id = :user AND code_hash = :hash AND used_at IS"
                                        + " NULL LIMIT 1)")
                        .setParameter("now", now)
                        .setParameter("user", userId)
                        .setParameter("hash", hash)
                        .executeUpdate()
                == 1;
    }

    /** Forgets every code of the user (TOTP turned off). */
    public int deleteAll(UUID userId) {
        return em.createNativeQuery("DELETE FROM auth.forge_recovery_codes WHERE user_id = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }
}
