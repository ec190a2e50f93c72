package dev.patriotforge.quote.service;

import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.domain.QuoteRepository;
import dev.patriotforge.quote.service.QuoteStateMachine.Action;
import dev.patriotforge.quote.service.QuoteStateMachine.Actor;
import dev.patriotforge.quote.service.QuoteStateMachine.Rule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The sweep that expires priced quotes past valid_until. Safe on several replicas at once: each
 * batch locks its rows with {@code FOR UPDATE SKIP LOCKED} and changes only rows that are still
 * due, so every quote is expired once, with one audit event (and its webhook event).
 */
@ApplicationScoped
public class QuoteExpiry {
    private static final Logger LOG = Logger.getLogger(QuoteExpiry.class);
    private static final Rule EXPIRY = QuoteStateMachine.only(Action.EXPIRE, Actor.SYSTEM);

    private final QuoteRepository quotes;
    private final Event<QuoteMetrics.Transitioned> transitioned;
    private final QuoteConfig config;
    private final WebhookOutbox outbox;
    private final Clock clock;

    public QuoteExpiry(
            QuoteRepository quotes,
            Event<QuoteMetrics.Transitioned> transitioned,
            QuoteConfig config,
            WebhookOutbox outbox,
            Clock clock) {
        this.quotes = quotes;
        this.transitioned = transitioned;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(
            identity = "quote-expiry",
            every = "${forge.quote.expiry.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int expired = sweep();
            if (expired > 0) {
                LOG.infof("Expired %d priced quotes past valid_until", expired);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Quote expiry sweep failed, will retry: %s", e.getClass().getName());
        }
    }

    /** Expires every due quote, one batch per transaction. @return how many were expired */
    public int sweep() {
        int batch = config.expiry().batchSize();
        int total = 0;
        int expired;
        do {
            expired =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () -> {
                                        Instant now =
                                                clock.instant().truncatedTo(ChronoUnit.MILLIS);
                                        List<QuoteRepository.Expired> expiredNow =
                                                quotes.expireDue(
                                                        EXPIRY.from(), EXPIRY.to(), now, batch);
                                        for (QuoteRepository.Expired event : expiredNow) {
                                            outbox.record(
                                                    event.eventId(),
                                                    EXPIRY.to().wire(),
                                                    event.quoteId(),
                                                    now);
                                        }
                                        int n = expiredNow.size();
                                        if (n > 0) {
                                            transitioned.fire(
                                                    new QuoteMetrics.Transitioned(EXPIRY.to(), n));
                                        }
                                        return n;
                                    });
            total += expired;
        } while (expired == batch);
        return total;
    }
}
