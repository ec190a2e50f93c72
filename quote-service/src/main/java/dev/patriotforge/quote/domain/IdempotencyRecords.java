package dev.patriotforge.quote.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The idempotency records of creates ({@code forge_quote_idempotency}): one row per caller and key,
 * written in the transaction that creates the quote. Work on one (caller, key) is serialised by a
 * transaction-scoped advisory lock, which a request that is still running holds.
 */
@ApplicationScoped
public class IdempotencyRecords {
    private final EntityManager em;

    public IdempotencyRecords(EntityManager em) {
        this.em = em;
    }

    /** What is kept of a first response. */
    public record Stored(String requestSha256, int status, String body) {}

    /**
     * Takes the lock of (caller, key) until the transaction ends.
     *
     * @return false when another transaction (a first request still running) holds it
     */
    public boolean tryLock(UUID callerId, String keySha256) {
        Object locked =
                em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                        .setParameter("k", lockName(callerId, keySha256))
                        .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The advisory lock's name; tests take the same lock to play a request still running. */
    public static String lockName(UUID callerId, String keySha256) {
        return "quote-idempotency:" + callerId + ":" + keySha256;
    }

    /** The record of (caller, key) written after {@code notBefore}; an older one is deleted. */
    public Optional<Stored> find(UUID callerId, String keySha256, Instant notBefore) {
        em.createNativeQuery(
                        """
                        DELETE FROM forge_quote_idempotency
                        WHERE caller_id = :caller AND key_sha256 = :key AND created_at < :notBefore
                        """)
                .setParameter("caller", callerId)
                .setParameter("key", keySha256)
                .setParameter("notBefore", notBefore)
                .executeUpdate();
        List<?> rows =
                em.createNativeQuery(
                                """
                                SELECT request_sha256, response_status, response_body
                                FROM forge_quote_idempotency
                                WHERE caller_id = :caller AND key_sha256 = :key
                                """)
                        .setParameter("caller", callerId)
                        .setParameter("key", keySha256)
                        .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(
                new Stored((String) row[0], ((Number) row[1]).intValue(), String.valueOf(row[2])));
    }

    /** Records the first response of (caller, key). */
    public void insert(
            UUID callerId,
            String keySha256,
            String requestSha256,
            UUID quoteId,
            int status,
            String body,
            Instant at) {
        em.createNativeQuery(
                        """
                        INSERT INTO forge_quote_idempotency
                            (caller_id, key_sha256, request_sha256, quote_id, response_status,
                             response_body, created_at)
                        VALUES (:caller, :key, :request, :quote, :status, :body, :at)
                        """)
                .setParameter("caller", callerId)
                .setParameter("key", keySha256)
                .setParameter("request", requestSha256)
                .setParameter("quote", quoteId)
                .setParameter("status", status)
                .setParameter("body", body)
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code batch} records written before {@code before}, skipping rows another
     * transaction holds (another replica's purge).
     *
     * @return how many were deleted
     */
    public int purge(Instant before, int batch) {
        return em.createNativeQuery(
                        """
                        DELETE FROM forge_quote_idempotency
                        WHERE (caller_id, key_sha256) IN (
                            SELECT caller_id, key_sha256 FROM forge_quote_idempotency
                            WHERE created_at < :before
                            ORDER BY created_at
                            LIMIT :batch
                            FOR UPDATE SKIP LOCKED)
                        """)
                .setParameter("before", before)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
