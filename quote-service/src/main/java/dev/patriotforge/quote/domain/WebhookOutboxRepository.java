package dev.patriotforge.quote.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox's writes, made in the transaction of the quote change: the event (its body frozen) and
 * one pending delivery per subscription to its type.
 */
@ApplicationScoped
public class WebhookOutboxRepository {
    private final EntityManager em;

    public WebhookOutboxRepository(EntityManager em) {
        this.em = em;
    }

    /** Whether any subscription receives events of this type. */
    public boolean anySubscribed(String type) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM forge_webhook_subscriptions"
                                + " WHERE events @> jsonb_build_array(CAST(:type AS text)) LIMIT 1")
                .setParameter("type", type)
                .getResultList()
                .isEmpty();
    }

    /**
     * Writes the event and its deliveries (none, and no event, when nobody subscribes to the type).
     *
     * @return the number of deliveries written
     */
    public int write(
            UUID eventId,
            String type,
            UUID quoteId,
            Instant occurredAt,
            String payload,
            Instant now,
            Instant giveUpAt) {
        return em.createNativeQuery(
                        """
                        WITH subs AS (
                            SELECT id FROM forge_webhook_subscriptions
                            WHERE events @> jsonb_build_array(CAST(:type AS text))),
                        event AS (
                            INSERT INTO forge_webhook_events
                                (id, type, quote_id, occurred_at, payload, created_at)
                            SELECT :id, :type, :quote, :occurred, :payload, :now
                            WHERE EXISTS (SELECT 1 FROM subs)
                            RETURNING id)
                        INSERT INTO forge_webhook_deliveries
                            (id, subscription_id, event_id, attempt, status, next_attempt_at,
                             give_up_at, created_at, updated_at)
                        SELECT gen_random_uuid(), subs.id, event.id, 0, 'pending', :now,
                               :giveUp, :now, :now
                        FROM subs, event
                        """)
                .setParameter("id", eventId)
                .setParameter("type", type)
                .setParameter("quote", quoteId)
                .setParameter("occurred", occurredAt)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("giveUp", giveUpAt)
                .executeUpdate();
    }
}
