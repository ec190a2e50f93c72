package dev.patriotforge.quote.service.webhook;

import dev.patriotforge.quote.domain.WebhookDelivery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subscription's delivery log. */
@RegisterForReflection
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        UUID id,
        @Schema(description = "The event's id: the webhook-id header of every attempt")
                UUID eventId,
        @Schema(examples = "quote.accepted") String eventType,
        @Schema(description = "Attempts made so far") int attempt,
        @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
        @Schema(
                        description = "The last attempt's HTTP status; null when none answered",
                        nullable = true)
                Integer responseStatus,
        @Schema(description = "When the next attempt is due (pending only)", nullable = true)
                Instant nextAttemptAt,
        Instant createdAt) {

    static WebhookDeliveryView from(WebhookDelivery delivery) {
        return new WebhookDeliveryView(
                delivery.id,
                delivery.eventId,
                delivery.eventType,
                delivery.attempt,
                delivery.status,
                delivery.responseStatus,
                delivery.nextAttemptAt,
                delivery.createdAt);
    }
}
