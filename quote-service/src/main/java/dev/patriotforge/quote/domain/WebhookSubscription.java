package dev.patriotforge.quote.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An admin's webhook subscription. The signing secret is stored only sealed (AES-256-GCM); a
 * deleted subscription is removed with its deliveries (and so its secret), not soft-deleted.
 */
@Entity
@Table(name = "forge_webhook_subscriptions")
public class WebhookSubscription {
    @Id public UUID id;

    @Column(nullable = false, updatable = false, length = 2048)
    public String url;

    /** A JSON array of the event types it receives. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String events;

    @Column(length = 500, updatable = false)
    public String description;

    @Column(name = "secret_sealed", nullable = false, updatable = false)
    public byte[] secretSealed;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version public long version;
}
