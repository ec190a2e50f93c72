package dev.patriotforge.quote.service;

import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.domain.IdempotencyRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency records older than their retention (24 hours), in batches. Safe on several
 * replicas at once: each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class IdempotencyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyRecords records;
    private final QuoteConfig.Idempotency config;
    private final Clock clock;

    public IdempotencyPurge(IdempotencyRecords records, QuoteConfig config, Clock clock) {
        this.records = records;
        this.config = config.idempotency();
        this.clock = clock;
    }

    @Scheduled(
            identity = "quote-idempotency-purge",
            every = "${forge.quote.idempotency.purge-interval:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("Purged %d idempotency records past their retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Idempotency purge failed, will retry: %s", e.getClass().getName());
        }
    }

    /** Deletes every record past its retention, one batch per transaction. @return how many */
    public int purge() {
        Instant before = clock.instant().minus(config.retention());
        int batch = config.purgeBatchSize();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> records.purge(before, batch));
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
