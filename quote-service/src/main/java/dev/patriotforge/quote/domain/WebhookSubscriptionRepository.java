package dev.patriotforge.quote.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions. */
@ApplicationScoped
public class WebhookSubscriptionRepository
        implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /**
     * Up to {@code limit} subscriptions after the keyset position (null: the first), newest first.
     */
    public List<WebhookSubscription> page(Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return find("order by createdAt desc, id desc").range(0, limit - 1).list();
        }
        return find(
                        "createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc,"
                                + " id desc",
                        afterAt,
                        afterId)
                .range(0, limit - 1)
                .list();
    }

    /**
     * Takes the transaction-scoped lock that serialises creates, so that the count checked against
     * the cap stays true until commit.
     */
    public long lockAndCount() {
        getEntityManager()
                .createNativeQuery(
                        "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('forge_webhook"
                                + "_subscriptions', 0))")
                .getSingleResult();
        return count();
    }
}
