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
 * {@code forge_quotes_created_total} and {@code forge_quote_transitions_total{to}}. Counted after
 * the transaction commits, so a rolled-back change counts nothing. Created at startup, so that
 * every counter is exported (at 0) from the first scrape.
 */
@Startup
@ApplicationScoped
public class QuoteMetrics {
    /** Fired inside the transaction that created a quote. */
    public record Created() {}

    /** Fired inside the transaction that moved {@code count} quotes to {@code to}. */
    public record Transitioned(QuoteStatus to, int count) {}

    private final Counter created;
    private final Map<QuoteStatus, Counter> transitions = new EnumMap<>(QuoteStatus.class);

    public QuoteMetrics(MeterRegistry registry) {
        this.created =
                Counter.builder("forge.quotes.created")
                        .description("Quotes created")
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

    void onTransitioned(@Observes(during = TransactionPhase.AFTER_SUCCESS) Transitioned event) {
        Counter counter = transitions.get(event.to());
        if (counter != null && event.count() > 0) {
            counter.increment(event.count());
        }
    }
}
