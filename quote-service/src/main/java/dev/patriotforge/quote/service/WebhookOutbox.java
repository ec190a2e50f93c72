package dev.patriotforge.quote.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.config.WebhookConfig;
import dev.patriotforge.quote.domain.Quote;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.domain.WebhookOutboxRepository;
import dev.patriotforge.quote.service.webhook.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns audit events into webhook events, in the transaction that writes the audit event: an event
 * (its body frozen: the quote right after the change) and a pending delivery per subscription to
 * its type. So an event exists if and only if its change committed. Audit events without a webhook
 * type (an update of a draft) and types nobody subscribes to write nothing.
 */
@ApplicationScoped
public class WebhookOutbox {
    /**
     * Fired inside a transaction that wrote deliveries: the dispatcher looks right after commit.
     */
    public record Written(int deliveries) {}

    private final WebhookOutboxRepository outbox;
    private final QuoteRepository quotes;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final Event<Written> written;
    private final Clock clock;

    public WebhookOutbox(
            WebhookOutboxRepository outbox,
            QuoteRepository quotes,
            ObjectMapper json,
            WebhookConfig config,
            Event<Written> written,
            Clock clock) {
        this.outbox = outbox;
        this.quotes = quotes;
        this.json = json;
        this.config = config;
        this.written = written;
        this.clock = clock;
    }

    /** The webhook type of an audit event type, or null when it has none. */
    static String typeOf(String auditType) {
        String type = "quote." + auditType;
        return WebhookEvent.TYPES.contains(type) ? type : null;
    }

    /**
     * Writes the webhook event of the audit event {@code eventId} of quote {@code quoteId} (after
     * the change is applied to the managed quote, or committed to its row by a statement).
     */
    public void record(UUID eventId, String auditType, UUID quoteId, Instant occurredAt) {
        String type = typeOf(auditType);
        if (type == null || !outbox.anySubscribed(type)) {
            return;
        }
        // The version and the items as the row holds them after this change.
        quotes.flush();
        Quote quote = quotes.findById(quoteId);
        if (quote == null) {
            throw new IllegalStateException("the quote of an audit event is missing");
        }
        String payload;
        try {
            payload =
                    json.writeValueAsString(
                            new WebhookEvent(
                                    eventId,
                                    type,
                                    occurredAt,
                                    new WebhookEvent.Data(QuoteView.from(quote))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event does not serialise", e);
        }
        Instant now = clock.instant();
        int deliveries =
                outbox.write(
                        eventId,
                        type,
                        quoteId,
                        occurredAt,
                        payload,
                        now,
                        now.plus(config.retryFor()));
        if (deliveries > 0) {
            written.fire(new Written(deliveries));
        }
    }
}
