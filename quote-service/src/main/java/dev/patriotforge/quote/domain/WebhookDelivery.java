package dev.patriotforge.quote.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/**
 * One event for one subscription: its attempts so far and their outcome. The dispatcher changes it
 * with native statements (claims with a lease); this mapping is for the delivery log.
 */
@Entity
@Table(name = "forge_webhook_deliveries")
public class WebhookDelivery {
    @Id public UUID id;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    /** The event's type, read from the outbox row. */
    @Formula("(select e.type from forge_webhook_events e where e.id = event_id)")
    public String eventType;

    @Column(nullable = false)
    public int attempt;

    /** pending, delivered or failed. */
    @Column(nullable = false, length = 10)
    public String status;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "give_up_at", nullable = false)
    public Instant giveUpAt;

    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
