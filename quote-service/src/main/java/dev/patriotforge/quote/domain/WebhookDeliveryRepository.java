package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery log, and the statements of the manual retry and the purge. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** Up to {@code limit} of a subscription's deliveries after the position, newest first. */
    public List<WebhookDelivery> page(
            UUID subscriptionId, Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return find("subscriptionId = ?1 order by createdAt desc, id desc", subscriptionId)
                    .range(0, limit - 1)
                    .list();
        }
        return find(
                        "subscriptionId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))"
                                + " order by createdAt desc, id desc",
                        subscriptionId,
                        afterAt,
                        afterId)
                .range(0, limit - 1)
                .list();
    }

    public Optional<WebhookDelivery> findOf(UUID subscriptionId, UUID deliveryId) {
        return find("id = ?1 and subscriptionId = ?2", deliveryId, subscriptionId)
                .firstResultOptional();
    }

    /**
     * Makes a delivery due now, whatever its status, with automatic retries until {@code giveUpAt}.
     * A dispatcher that holds its lease still finishes its attempt; the next one follows.
     */
    public int retryNow(UUID deliveryId, Instant now, Instant giveUpAt) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        UPDATE forge_webhook_deliveries
                        SET status = 'pending', next_attempt_at = :now, give_up_at = :giveUp,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .setParameter("id", deliveryId)
                .setParameter("now", now)
                .setParameter("giveUp", giveUpAt)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code batch} finished (delivered or failed) deliveries last changed before
     * {@code cutoff}. @return how many
     */
    public int purgeFinished(Instant cutoff, int batch) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        DELETE FROM forge_webhook_deliveries WHERE id IN (
                            SELECT id FROM forge_webhook_deliveries
                            WHERE status <> 'pending' AND updated_at < :cutoff
                            LIMIT :batch)
                        """)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code batch} outbox events older than {@code cutoff} with no delivery left.
     */
    public int purgeEvents(Instant cutoff, int batch) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        DELETE FROM forge_webhook_events WHERE id IN (
                            SELECT e.id FROM forge_webhook_events e
                            WHERE e.created_at < :cutoff
                              AND NOT EXISTS (SELECT 1 FROM forge_webhook_deliveries d
                                              WHERE d.event_id = e.id)
                            LIMIT :batch)
                        """)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
