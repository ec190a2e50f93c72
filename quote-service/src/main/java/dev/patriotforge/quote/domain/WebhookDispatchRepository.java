package dev.patriotforge.quote.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * The dispatcher's statements. A claim takes due deliveries with {@code FOR UPDATE SKIP LOCKED} and
 * marks them with a lease (a token and an end), so that replicas never claim the same one while its
 * lease runs; a dispatcher that dies leaves a lease that runs out, and the delivery is claimed
 * again (at least once). Only the lease's holder records the outcome.
 */
@ApplicationScoped
public class WebhookDispatchRepository {
    private final EntityManager em;

    public WebhookDispatchRepository(EntityManager em) {
        this.em = em;
    }

    /** A claimed delivery with what its attempt needs (read once, never compared). */
    @SuppressWarnings("ArrayRecordComponent")
    public record Claim(
            UUID deliveryId,
            UUID subscriptionId,
            UUID eventId,
            int attempt,
            Instant giveUpAt,
            String url,
            byte[] secretSealed,
            String payload,
            Instant createdAt) {}

    /**
     * Claims up to {@code batch} due deliveries, oldest due first, at most {@code perSubscription}
     * in flight per subscription (counting the leases other dispatchers hold), each with its
     * attempt counted.
     */
    public List<Claim> claim(
            Instant now, UUID token, Instant leaseUntil, int batch, int perSubscription) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                """
                                WITH busy AS (
                                    SELECT subscription_id, count(*) AS n
                                    FROM forge_webhook_deliveries
                                    WHERE status = 'pending' AND lease_until > :now
                                    GROUP BY subscription_id),
                                due AS (
                                    SELECT id, subscription_id, next_attempt_at,
                                           row_number() OVER (PARTITION BY subscription_id
                                               ORDER BY next_attempt_at, created_at, id) AS rn
                                    FROM forge_webhook_deliveries
                                    WHERE status = 'pending' AND next_attempt_at <= :now
                                      AND (lease_until IS NULL OR lease_until <= :now)),
                                candidates AS (
                                    SELECT due.id FROM due
                                    LEFT JOIN busy ON busy.subscription_id = due.subscription_id
                                    WHERE due.rn + coalesce(busy.n, 0) <= :per
                                    ORDER BY due.next_attempt_at LIMIT :batch),
                                claimed AS (
                                    SELECT id FROM forge_webhook_deliveries
                                    WHERE id IN (SELECT id FROM candidates)
                                      AND status = 'pending'
                                      AND (lease_until IS NULL OR lease_until <= :now)
                                    FOR UPDATE SKIP LOCKED)
                                UPDATE forge_webhook_deliveries d
                                SET lease_token = :token, lease_until = :leaseUntil,
                                    attempt = d.attempt + 1, updated_at = :now
                                FROM claimed c, forge_webhook_events e,
                                     forge_webhook_subscriptions s
                                WHERE d.id = c.id AND e.id = d.event_id
                                  AND s.id = d.subscription_id
                                RETURNING d.id, d.subscription_id, d.event_id, d.attempt,
                                          d.give_up_at, s.url, s.secret_sealed, e.payload,
                                          d.created_at
                                """)
                        .setParameter("now", now)
                        .setParameter("token", token)
                        .setParameter("leaseUntil", leaseUntil)
                        .setParameter("batch", batch)
                        .setParameter("per", perSubscription)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Claim(
                                        (UUID) r[0],
                                        (UUID) r[1],
                                        (UUID) r[2],
                                        ((Number) r[3]).intValue(),
                                        instant(r[4]),
                                        (String) r[5],
                                        (byte[]) r[6],
                                        (String) r[7],
                                        instant(r[8])))
                .toList();
    }

    /**
     * Records an attempt's outcome, if the lease is still this dispatcher's: delivered, pending
     * again at {@code nextAttemptAt}, or failed for good (both null).
     *
     * @param status delivered, pending or failed
     * @return whether the lease was still held
     */
    @SuppressWarnings("unchecked") // the typed binding of nulls needs Hibernate's raw NativeQuery
    public boolean finish(
            UUID deliveryId,
            UUID token,
            String status,
            Integer responseStatus,
            Instant nextAttemptAt,
            Instant now) {
        return em.createNativeQuery(
                                """
                                UPDATE forge_webhook_deliveries
                                SET status = :status, response_status = :response,
                                    next_attempt_at = :next,
                                    lease_token = NULL, lease_until = NULL, updated_at = :now
                                WHERE id = :id AND lease_token = :token
                                """)
                        .unwrap(NativeQuery.class)
                        .setParameter("status", status)
                        .setParameter("response", responseStatus, StandardBasicTypes.INTEGER)
                        .setParameter("next", nextAttemptAt, StandardBasicTypes.INSTANT)
                        .setParameter("now", now)
                        .setParameter("id", deliveryId)
                        .setParameter("token", token)
                        .executeUpdate()
                > 0;
    }

    /** When the oldest pending delivery was created, or null when none is pending. */
    public Instant oldestPending() {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT min(created_at) FROM forge_webhook_deliveries"
                                        + " WHERE status = 'pending'")
                        .getResultList();
        return rows.isEmpty() ? null : instant(rows.get(0));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
