package dev.patriotforge.quote.service.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code forge_quote_webhook_deliveries_total{outcome}} (delivered, retry: an attempt failed and
 * another follows, failed: given up), {@code forge_quote_webhook_attempt_duration_seconds} (one
 * HTTP attempt), {@code forge_quote_webhook_delivery_latency_seconds} (event written to delivered)
 * and {@code forge_quote_webhook_outbox_oldest_age_seconds} (the oldest pending delivery's age, 0
 * when none: the backlog). Registered at startup so that every meter is exported from the first
 * scrape.
 */
@Startup
@ApplicationScoped
public class WebhookMetrics {
    /** What an attempt led to. */
    public enum Outcome {
        DELIVERED("delivered"),
        RETRY("retry"),
        FAILED("failed");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Outcome, Counter> outcomes;
    private final Timer attempts;
    private final Timer latency;
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry) {
        this.outcomes =
                Map.of(
                        Outcome.DELIVERED, counter(registry, Outcome.DELIVERED),
                        Outcome.RETRY, counter(registry, Outcome.RETRY),
                        Outcome.FAILED, counter(registry, Outcome.FAILED));
        this.attempts =
                Timer.builder("forge.quote.webhook.attempt.duration")
                        .description("Duration of one webhook attempt (request to answer)")
                        .register(registry);
        this.latency =
                Timer.builder("forge.quote.webhook.delivery.latency")
                        .description("Time from a webhook event's write to its delivery")
                        .register(registry);
        Gauge.builder(
                        "forge.quote.webhook.outbox.oldest.age",
                        oldestAgeMillis,
                        a -> a.get() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest pending webhook delivery (0 when none)")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, Outcome outcome) {
        return Counter.builder("forge.quote.webhook.deliveries")
                .description("Webhook attempts by outcome")
                .tag("outcome", outcome.tag)
                .register(registry);
    }

    public void attempt(Outcome outcome, Duration took) {
        outcomes.get(outcome).increment();
        attempts.record(took);
    }

    public void delivered(Duration sinceWritten) {
        latency.record(sinceWritten.isNegative() ? Duration.ZERO : sinceWritten);
    }

    public void backlog(Duration oldestAge) {
        oldestAgeMillis.set(Math.max(0, oldestAge.toMillis()));
    }
}
