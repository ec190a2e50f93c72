package dev.patriotforge.reliability.faults;

import dev.patriotforge.reliability.harness.Polling;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.http.Http;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that creates quotes, each under its own {@code Idempotency-Key}, until told to stop (or
 * {@code maxCount} were begun), and retries a quote (same key, same body) until it gets its 201:
 * after no answer, a 5xx, or 409 {@code idempotency_key_in_use}. Anything else is recorded as
 * unexpected. Every quote it begins is one it intends to exist. Runs on {@code threads} threads,
 * each pausing {@code pause} between quotes; targets are used in turn (a gateway, or replicas for
 * client-side failover).
 */
final class KeyedCreates {
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final Duration PER_QUOTE_DEADLINE = Duration.ofMinutes(2);

    private final String tag;
    private final String token;
    private final List<URI> targets;
    private final int maxCount;
    private final Duration pause;
    private volatile boolean stopping;
    private final Http http = new Http(Duration.ofSeconds(30));
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final Map<Integer, String> ids = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> retried = new ConcurrentLinkedQueue<>();
    private ExecutorService pool;

    KeyedCreates(String tag, String token, List<URI> targets, int maxCount, Duration pause) {
        this.tag = tag;
        this.token = token;
        this.targets = targets;
        this.maxCount = maxCount;
        this.pause = pause;
    }

    static String title(String tag, int i) {
        return tag + " " + i;
    }

    void start(int threads) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(this::work);
        }
    }

    private void work() {
        while (!stopping) {
            int i = next.getAndIncrement();
            if (i >= maxCount) {
                return;
            }
            createOnce(i);
            done.incrementAndGet();
            Polling.sleep(pause);
        }
    }

    private void createOnce(int i) {
        String key = tag.replace(' ', '-') + "-" + i;
        String body = Api.quoteBody(title(tag, i));
        Map<String, String> headers =
                Map.of("Authorization", "Bearer " + token, "Idempotency-Key", key);
        Instant deadline = Instant.now().plus(PER_QUOTE_DEADLINE);
        for (int attempt = 0; ; attempt++) {
            URI target = targets.get((i + attempt) % targets.size());
            Http.Reply reply = http.post(target.resolve("/api/quotes"), body, headers);
            if (reply.status() == 201) {
                ids.put(i, reply.json("id"));
                if ("true".equals(reply.header("Idempotent-Replayed"))) {
                    replays.incrementAndGet();
                }
                return;
            }
            boolean retry =
                    reply.status() == 0
                            || reply.status() >= 500
                            || (reply.status() == 409
                                    && "idempotency_key_in_use".equals(reply.code()));
            if (!retry) {
                unexpected.add("quote " + i + " at " + target + ": " + reply + " " + reply.body());
                return;
            }
            retries.incrementAndGet();
            retried.add("quote " + i + " at " + target + ": " + reply);
            if (Instant.now().isAfter(deadline)) {
                unexpected.add("quote " + i + ": gave up after " + attempt + " attempts");
                return;
            }
            Polling.sleep(RETRY_PAUSE);
        }
    }

    int done() {
        return done.get();
    }

    /** How many quotes were begun (each must end up existing exactly once). */
    int begun() {
        return Math.min(next.get(), maxCount);
    }

    /** Begins no further quote, finishes the ones under way (with their retries). */
    void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        awaitDone(timeout);
    }

    void awaitDone(Duration timeout) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the creating client did not finish in " + timeout);
        }
    }

    Map<Integer, String> ids() {
        return Map.copyOf(ids);
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int retries() {
        return retries.get();
    }

    int replays() {
        return replays.get();
    }

    List<String> retried() {
        return List.copyOf(retried);
    }
}
