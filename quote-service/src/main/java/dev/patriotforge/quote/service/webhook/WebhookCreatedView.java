package dev.patriotforge.quote.service.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription with its signing secret: the only answer that shows the secret. */
@RegisterForReflection
@Schema(name = "WebhookCreated")
public record WebhookCreatedView(
        UUID id,
        String url,
        List<String> events,
        @Schema(nullable = true) String description,
        @Schema(
                        description =
                                "The signing secret, shown only in this answer: whsec_ + base64 of"
                                        + " 32 random bytes",
                        examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                String secret,
        Instant createdAt) {

    public WebhookCreatedView {
        events = List.copyOf(events);
    }

    @Override
    public String toString() {
        return "WebhookCreatedView[id=" + id + ", secret=<hidden>]";
    }
}
