package dev.patriotforge.reliability.harness;

import dev.patriotforge.testsupport.http.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Background load that records every outcome: either closed-loop workers (each sends its next
 * request when the previous one has answered) or an open-loop steady rate, bounded in time and
 * request count.
 */
public final class Traffic implements AutoCloseable {
    /** One request to send: a label for the report and the call itself. */
    public record Call(String label, Supplier<Http.Reply> send) {}

    /** What happened to one request; {@code atMillis} is when it was sent, from the start. */
    public record Outcome(String label, long atMillis, Http.Reply reply) {
        @Override
        public String toString() {
            return label + " at " + atMillis + " ms: " + reply;
        }
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final long start = System.nanoTime();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService workers;
    private final ScheduledExecutorService pacer;
    private volatile boolean running = true;

    private Traffic(ExecutorService workers, ScheduledExecutorService pacer) {
        this.workers = workers;
        this.pacer = pacer;
    }

    /** {@code threads} workers, each looping: next call, wait {@code pause}, again. */
    public static Traffic closedLoop(int threads, Duration pause, LongFunction<Call> calls) {
        Traffic traffic = new Traffic(Executors.newFixedThreadPool(threads), null);
        for (int i = 0; i < threads; i++) {
            traffic.workers.execute(
                    () -> {
                        while (traffic.running) {
                            traffic.run(calls.apply(traffic.sequence.getAndIncrement()));
                            Polling.sleep(pause);
                        }
                    });
        }
        return traffic;
    }

    /**
     * {@code perSecond} calls a second, whether or not earlier ones have answered (up to {@code
     * concurrency} at once), until {@code duration} has passed or {@code maxCalls} were sent.
     */
    public static Traffic steadyRate(
            int perSecond,
            Duration duration,
            long maxCalls,
            int concurrency,
            LongFunction<Call> calls) {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        Traffic traffic = new Traffic(Executors.newFixedThreadPool(concurrency), pacer);
        long periodMicros = 1_000_000L / perSecond;
        long endNanos = traffic.start + duration.toNanos();
        var unused =
                pacer.scheduleAtFixedRate(
                        () -> {
                            long n = traffic.sequence.getAndIncrement();
                            if (!traffic.running
                                    || n >= maxCalls
                                    || System.nanoTime() >= endNanos) {
                                traffic.running = false;
                                return;
                            }
                            Call call = calls.apply(n);
                            traffic.workers.execute(() -> traffic.run(call));
                        },
                        0,
                        periodMicros,
                        TimeUnit.MICROSECONDS);
        return traffic;
    }

    private void run(Call call) {
        long sentAt = elapsedMillis();
        Http.Reply reply;
        try {
            reply = call.send().get();
        } catch (RuntimeException e) {
            reply = new Http.Reply(0, "", null, elapsedMillis() - sentAt, e.toString());
        }
        outcomes.add(new Outcome(call.label(), sentAt, reply));
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    public boolean running() {
        return running;
    }

    /** Blocks until a steady-rate run has sent its last call and every answer is in. */
    public void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running && System.nanoTime() < deadline) {
            Polling.sleep(Duration.ofMillis(200));
        }
        stop();
    }

    /** Stops sending and waits (at most 60 s) for the answers still outstanding. */
    public void stop() {
        running = false;
        if (pacer != null) {
            pacer.shutdownNow();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
