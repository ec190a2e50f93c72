package dev.patriotforge.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The second step of a login (table {@code forge_mfa_tokens}): only the SHA-256 of a token is
 * stored. Native SQL: a token is spent by one conditional UPDATE, so of two parallel uses exactly
 * one changes the row.
 */
@ApplicationScoped
public class MfaTokenRepository {
    private final EntityManager em;

    public MfaTokenRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * A token that is neither spent nor expired, with the credential stamp it was issued for (hex).
     */
    public record Usable(UUID id, UUID userId, String credentialStamp) {}

    public void insert(UUID userId, byte[] hash, byte[] stamp, Instant now, Instant expires) {
        em.createNativeQuery(
                        "INSERT INTO auth.forge_mfa_tokens (id, user_id, token_hash,"
                                + " credential_stamp, created_at, expires_at) VALUES (:id, :user,"
                                + " :hash, :stamp, :now, :expires)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("user", userId)
                .setParameter("hash", hash)
                .setParameter("stamp", stamp)
                .setParameter("now", now)
                .setParameter("expires", expires)
                .executeUpdate();
    }

    public Optional<Usable> findUsable(byte[] hash, Instant now) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT id, user_id, credential_stamp FROM auth.forge_mfa_tokens"
                                        + " WHERE token_hash = :hash AND used_at IS NULL AND"
                                        + " expires_at > :now")
                        .setParameter("hash", hash)
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
                        HexFormat.of().formatHex((byte[]) row[2])));
    }

    /** Spends the token if it is still usable; false when another use got there first. */
    public boolean consume(UUID id, Instant now) {
        return em.createNativeQuery(
                                "UPDATE auth.forge_mfa_tokens SET used_at = :now WHERE id = :id"
                                        + " AND used_at IS NULL AND expires_at > :now")
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Voids every open token of the user (TOTP turned off, the account's sessions ended). */
    public int voidOpen(UUID userId, Instant now) {
        return em.createNativeQuery(
                        "UPDATE auth.forge_mfa_tokens SET used_at = :now WHERE user_id = :user"
                                + " AND used_at IS NULL")
                .setParameter("now", now)
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** Deletes up to {@code batch} tokens that expired before the cutoff. */
    public int purgeExpired(Instant cutoff, int batch) {
        return em.createNativeQuery(
                        "DELETE FROM auth.forge_mfa_tokens WHERE id IN (SELECT id FROM"
                                + " auth.forge_mfa_tokens WHERE expires_at < :cutoff LIMIT :batch"
                                + " FOR UPDATE SKIP LOCKED)")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
