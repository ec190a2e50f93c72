package dev.patriotforge.quote.service.webhook;

import dev.patriotforge.quote.config.WebhookConfig;
import dev.patriotforge.quote.domain.WebhookDeliveryRepository;
import dev.patriotforge.quote.domain.WebhookDispatchRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox's upkeep: finished deliveries (delivered or failed) and the events left without any
 * are deleted after {@code FORGE_WEBHOOK_RETENTION}, in small batches; the backlog gauge (the
 * oldest pending delivery's age) is refreshed every 15 s. Safe on several replicas at once.
 */
@ApplicationScoped
public class WebhookHousekeeping {
    private static final Logger LOG = Logger.getLogger(WebhookHousekeeping.class);
    private static final int BATCH = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatchRepository dispatch;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookHousekeeping(
            WebhookDeliveryRepository deliveries,
            WebhookDispatchRepository dispatch,
            WebhookMetrics metrics,
            WebhookConfig config,
            Clock clock) {
        this.deliveries = deliveries;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "webhook-purge",
            every = "${forge.webhook.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("Purged %d finished webhook deliveries and events", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook purge failed, will retry: %s", e.getClass().getName());
        }
    }

    @Scheduled(
            identity = "webhook-backlog",
            every = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledBacklog() {
        try {
            refreshBacklog();
        } catch (RuntimeException e) {
            LOG.debugf("Webhook backlog not measured: %s", e.getClass().getName());
        }
    }

    /** Deletes what the retention lets go. @return how many rows */
    public int purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        int total = 0;
        int n;
        do {
            n =
                    QuarkusTransaction.requiringNew()
                            .call(() -> deliveries.purgeFinished(cutoff, BATCH));
            total += n;
        } while (n == BATCH);
        do {
            n = QuarkusTransaction.requiringNew().call(() -> deliveries.purgeEvents(cutoff, BATCH));
            total += n;
        } while (n == BATCH);
        return total;
    }

    /** Measures the backlog now. */
    public void refreshBacklog() {
        Instant oldest = QuarkusTransaction.requiringNew().call(dispatch::oldestPending);
        metrics.backlog(oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()));
    }
}
