package dev.patriotforge.auth.service;

import dev.patriotforge.auth.config.AuthConfig;
import dev.patriotforge.shared.error.RateLimited;
import dev.patriotforge.shared.error.UnexpectedError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs password hashing, the one CPU-heavy job of the service, on a fixed pool sized to the cores
 * with a bounded queue. A flood of logins queues here instead of starving every other request, and
 * once the queue is full further requests are shed at once with 429 {@code rate_limited} and a
 * Retry-After. Metrics: the gauges {@code forge_auth_hashing_queued}, {@code
 * forge_auth_hashing_queue_capacity}, {@code forge_auth_hashing_active}, {@code
 * forge_auth_hashing_threads} and the counter {@code forge_auth_hashing_shed_total}.
 */
@ApplicationScoped
public class HashingPool {
    private final ThreadPoolExecutor executor;
    private final Duration retryAfter;
    private Counter shed;

    @Inject
    public HashingPool(AuthConfig config, MeterRegistry metrics) {
        this(
                config.hashing().threads().orElse(Runtime.getRuntime().availableProcessors()),
                config.hashing().queue(),
                config.hashing().retryAfter());
        metrics.gauge("forge.auth.hashing.queued", executor, e -> e.getQueue().size());
        metrics.gauge(
                "forge.auth.hashing.queue.capacity",
                executor,
                e -> e.getQueue().size() + e.getQueue().remainingCapacity());
        metrics.gauge("forge.auth.hashing.active", executor, ThreadPoolExecutor::getActiveCount);
        metrics.gauge(
                "forge.auth.hashing.threads", executor, ThreadPoolExecutor::getMaximumPoolSize);
        this.shed = metrics.counter("forge.auth.hashing.shed");
    }

    /** A pool of {@code threads} workers and at most {@code queue} waiting jobs. */
    public HashingPool(int threads, int queue, Duration retryAfter) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("the hashing pool needs a thread and a queue");
        }
        AtomicInteger count = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        0L,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(queue),
                        r -> {
                            Thread t = new Thread(r, "argon2-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        },
                        new ThreadPoolExecutor.AbortPolicy());
        this.retryAfter = retryAfter;
    }

    /** Runs the job on the pool and waits for it; sheds it when the pool is saturated. */
    public <T> T run(Callable<T> job) {
        Future<T> future;
        try {
            future = executor.submit(job);
        } catch (RejectedExecutionException e) {
            if (shed != null) {
                shed.increment();
            }
            throw new RateLimited(retryAfter);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnexpectedError();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
