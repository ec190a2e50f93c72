package dev.patriotforge.auth.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Work a request hands off so that its answer does not wait for it (and does not take longer when
 * there is more to do): /password/forgot answers the same, in the same time, whether or not the
 * account exists, and the lookup and the reset mail happen here. Bounded: two threads and a queue
 * of 256; beyond that, work is dropped (counted and logged), as if the limit had been reached.
 */
@ApplicationScoped
public class DeferredWork {
    private static final Logger LOG = Logger.getLogger(DeferredWork.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 256;

    private final AuthMetrics metrics;
    private final ThreadPoolExecutor pool;

    public DeferredWork(AuthMetrics metrics) {
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        r -> {
                            Thread t = new Thread(r, "forge-deferred-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Runs the task soon; a failure is logged (by class only) and counted. */
    void submit(String what, Runnable task) {
        try {
            pool.execute(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            metrics.deferred(what, "failed");
                            LOG.warnf("Deferred %s failed: %s", what, e.getClass().getName());
                        }
                    });
        } catch (RejectedExecutionException e) {
            metrics.deferred(what, "dropped");
            LOG.warnf("Deferred %s dropped: the queue is full", what);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
