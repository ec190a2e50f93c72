package dev.patriotforge.quote.service.webhook;

import dev.patriotforge.quote.service.QuoteView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of a webhook: {@code {id, type, occurred_at, data: {quote}}}. */
@RegisterForReflection
public record WebhookEvent(UUID id, String type, Instant occurredAt, Data data) {
    /** The event types, in the order of the contract. */
    public static final List<String> TYPES =
            List.of(
                    "quote.created",
                    "quote.submitted",
                    "quote.priced",
                    "quote.changes_requested",
                    "quote.accepted",
                    "quote.declined",
                    "quote.expired",
                    "quote.cancelled",
                    "quote.deleted");

    /** The quote as it was right after the change. */
    @RegisterForReflection
    public record Data(QuoteView quote) {}
}
