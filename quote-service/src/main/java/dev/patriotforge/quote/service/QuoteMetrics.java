package dev.patriotforge.quote.service;

import dev.patriotforge.quote.domain.QuoteStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code forge_quote_quotes_created_total}, {@code forge_quote_transitions_total{to}}, {@code
 * forge_quote_repricings_total} (priced -> priced) and {@code forge_quote_change_requests_total}.
 * Counted after the transaction commits, so a rolled-back change counts nothing. Created at
 * startup, so that every counter is exported (at 0) from the first scrape.
 */
@Startup
@ApplicationScoped
public class QuoteMetrics {
    /** Fired inside the transaction that created a quote. */
    public record Created() {}

    /** Fired inside the transaction that moved {@code count} quotes to {@code to}. */
    public record Transitioned(QuoteStatus to, int count) {}

    /** Fired inside the transaction that re-priced a priced quote. */
    public record Repriced() {}

    /** Fired inside the transaction that sent a priced quote back with a change request. */
    public record ChangesRequested() {}

    private final Counter created;
    private final Counter repricings;
    private final Counter changeRequests;
    private final Map<QuoteStatus, Counter> transitions = new EnumMap<>(QuoteStatus.class);

    public QuoteMetrics(MeterRegistry registry) {
        this.created =
                Counter.builder("forge.quote.quotes.created")
                        .description("Quotes created")
                        .register(registry);
        this.repricings =
                Counter.builder("forge.quote.repricings")
                        .description("Priced quotes priced again (a new revision)")
                        .register(registry);
        this.changeRequests =
                Counter.builder("forge.quote.change.requests")
                        .description("Priced quotes sent back by their owner for changes")
                        .register(registry);
        for (QuoteStateMachine.Rule rule : QuoteStateMachine.RULES) {
            if (rule.from() != rule.to()) {
                transitions.computeIfAbsent(
                        rule.to(),
                        to ->
                                Counter.builder("forge.quote.transitions")
                                        .description("Quote status transitions by target status")
                                        .tag("to", to.wire())
                                        .register(registry));
            }
        }
    }

    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) Created event) {
        created.increment();
    }

    void onRepriced(@Observes(during = TransactionPhase.AFTER_SUCCESS) Repriced event) {
        repricings.increment();
    }

    void onChangesRequested(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) ChangesRequested event) {
        changeRequests.increment();
    }

    void onTransitioned(@Observes(during = TransactionPhase.AFTER_SUCCESS) Transitioned event) {
        Counter counter = transitions.get(event.to());
        if (counter != null && event.count() > 0) {
            counter.increment(event.count());
        }
    }
}
