package dev.patriotforge.quote.service.webhook;

import dev.patriotforge.quote.config.WebhookConfig;
import dev.patriotforge.quote.domain.WebhookDispatchRepository;
import dev.patriotforge.quote.domain.WebhookDispatchRepository.Claim;
import dev.patriotforge.quote.service.WebhookOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, off the request threads: a poll (every {@code FORGE_WEBHOOK_POLL_INTERVAL},
 * and right after a transaction wrote deliveries) claims due deliveries with a lease and sends each
 * on its own virtual thread, at most {@code max-in-flight} per replica and {@code per-subscription}
 * per subscription over all replicas, so that a subscriber that hangs holds a few leases and slows
 * nobody else. Each attempt is recorded by its lease's holder only.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDispatchRepository deliveries;
    private final WebhookCipher cipher;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Semaphore inFlight;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public WebhookDispatcher(
            WebhookDispatchRepository deliveries,
            WebhookCipher cipher,
            WebhookMetrics metrics,
            WebhookConfig config,
            Clock clock) {
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.sender =
                new WebhookSender(
                        new WebhookTargets(config.allowPrivate(), InetAddress::getAllByName),
                        config.timeout(),
                        executor);
        this.schedule = new RetrySchedule(config.retryBase(), new Random());
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    @Scheduled(
            identity = "webhook-dispatch",
            every = "${forge.webhook.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        poll();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookOutbox.Written e) {
        executor.execute(this::poll);
    }

    /** Claims and starts every due delivery it has room for; never throws. */
    public void poll() {
        if (!polling.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                while (claimAndStart() > 0) {
                    // Claim again while whole batches come back and there is room.
                }
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch failed, will retry: %s", e.getClass().getName());
        } finally {
            polling.set(false);
        }
    }

    /**
     * @return how many were claimed, if a whole batch; else 0
     */
    private int claimAndStart() {
        int room = Math.min(config.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            return 0;
        }
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        List<Claim> claims =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        deliveries.claim(
                                                now,
                                                token,
                                                now.plus(config.lease()),
                                                room,
                                                config.perSubscription()));
        for (Claim claim : claims) {
            inFlight.acquireUninterruptibly();
            executor.execute(
                    () -> {
                        try {
                            attempt(claim, token);
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        return claims.size() == room ? room : 0;
    }

    private void attempt(Claim claim, UUID token) {
        try {
            long start = System.nanoTime();
            WebhookSender.Outcome outcome = send(claim);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Instant now = clock.instant();
            if (outcome.delivered()) {
                record(claim, token, "delivered", outcome.status(), null, now);
                metrics.attempt(WebhookMetrics.Outcome.DELIVERED, took);
                metrics.delivered(Duration.between(claim.createdAt(), now));
                return;
            }
            Instant next = schedule.next(claim.attempt(), now, claim.giveUpAt()).orElse(null);
            record(claim, token, next == null ? "failed" : "pending", outcome.status(), next, now);
            metrics.attempt(
                    next == null ? WebhookMetrics.Outcome.FAILED : WebhookMetrics.Outcome.RETRY,
                    took);
            LOG.infof(
                    "Webhook delivery %s (subscription %s) attempt %d failed (%s); %s",
                    claim.deliveryId(),
                    claim.subscriptionId(),
                    claim.attempt(),
                    outcome.failure(),
                    next == null ? "given up" : "next at " + next);
        } catch (RuntimeException e) {
            // The lease runs out and another dispatcher tries again.
            LOG.warnf(
                    "Webhook delivery %s: attempt not recorded: %s",
                    claim.deliveryId(), e.getClass().getName());
        }
    }

    private WebhookSender.Outcome send(Claim claim) {
        String id = claim.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = claim.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String secret = cipher.open(claim.secretSealed(), claim.subscriptionId());
        String signature = WebhookSigner.sign(secret, id, timestamp, body);
        return sender.send(claim.url(), new WebhookSender.Message(id, timestamp, signature, body));
    }

    private void record(
            Claim claim, UUID token, String status, Integer response, Instant next, Instant now) {
        boolean held =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        deliveries.finish(
                                                claim.deliveryId(),
                                                token,
                                                status,
                                                response,
                                                next,
                                                now));
        if (!held) {
            LOG.warnf(
                    "Webhook delivery %s: the lease ran out before the attempt ended",
                    claim.deliveryId());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(
                    config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
