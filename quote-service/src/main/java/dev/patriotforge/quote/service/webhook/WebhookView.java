package dev.patriotforge.quote.service.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as the API shows it (never with its secret). */
@RegisterForReflection
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(examples = "https://example.com/hooks/forge") String url,
        List<String> events,
        @Schema(nullable = true) String description,
        Instant createdAt) {

    public WebhookView {
        events = List.copyOf(events);
    }
}
