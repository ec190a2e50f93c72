package dev.patriotforge.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.Traffic;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.http.Http;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A steady, moderate mix of reads, creates and logins through the gateway against two replicas of
 * each service: no request may fail, and neither the heap after a full GC nor the resident set of
 * any replica may grow beyond the tolerances below between the end of the warm-up and the end of
 * the soak. The length is {@code -Dreliability.soak.seconds} (180 s by default, 300 s under {@code
 * ./forge test --all}); the rate and every bound are fixed, and all traffic stays on loopback.
 */
@Order(70)
class SoakIT {
    private static final int RATE_PER_SECOND = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final int USERS = 3;
    private static final int CONCURRENCY = 16;

    /** Heap in use right after a full GC may grow by at most this much (per replica). */
    private static final long HEAP_TOLERANCE_BYTES = 8L << 20;

    /** Resident set: at most this much growth, plus {@link #RSS_TOLERANCE_FRACTION}. */
    private static final long RSS_TOLERANCE_KIB = 32L << 10;

    private static final double RSS_TOLERANCE_FRACTION = 0.10;

    private record User(String token, List<String> quoteIds) {}

    private record Memory(long heapAfterGcBytes, long rssKib) {}

    @Test
    void aSteadyLoadRunsWithoutErrorsAndWithoutGrowingMemory() {
        Cluster cluster = Cluster.get();
        cluster.restoreAll();
        URI gateway = cluster.gateway();
        int seconds = Integer.getInteger("reliability.soak.seconds", 180);
        Http http = new Http(Duration.ofSeconds(30));

        List<User> users = new ArrayList<>();
        List<Api.Account> accounts = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Api.Account account = Api.direct(cluster.url(Cluster.AUTH.get(i % 2))).newAccount();
            accounts.add(account);
            String token = Api.gateway(gateway).tokens(account).access();
            users.add(new User(token, new CopyOnWriteArrayList<>()));
        }

        List<Traffic.Outcome> warmUp = run(http, gateway, users, accounts, WARM_UP);
        assertNoErrors("warm-up", warmUp);
        Map<String, Memory> before = measure(cluster, http);

        List<Traffic.Outcome> soak =
                run(http, gateway, users, accounts, Duration.ofSeconds(seconds));
        Map<String, Memory> after = measure(cluster, http);

        report(seconds, soak, before, after);
        assertNoErrors("soak", soak);
        assertThat(soak.size())
                .as("requests sent in the soak")
                .isGreaterThanOrEqualTo(RATE_PER_SECOND * seconds * 9 / 10);
        for (String name : Cluster.REPLICAS) {
            Memory b = before.get(name);
            Memory a = after.get(name);
            assertThat(a.heapAfterGcBytes() - b.heapAfterGcBytes())
                    .as("%s: growth of the heap after a full GC (bytes)", name)
                    .isLessThanOrEqualTo(HEAP_TOLERANCE_BYTES);
            assertThat(a.rssKib() - b.rssKib())
                    .as("%s: growth of the resident set (KiB)", name)
                    .isLessThanOrEqualTo(
                            RSS_TOLERANCE_KIB + (long) (b.rssKib() * RSS_TOLERANCE_FRACTION));
        }
    }

    private static List<Traffic.Outcome> run(
            Http http, URI gateway, List<User> users, List<Api.Account> accounts, Duration length) {
        long maxCalls = RATE_PER_SECOND * length.toSeconds() + RATE_PER_SECOND;
        Traffic traffic =
                Traffic.steadyRate(
                        RATE_PER_SECOND,
                        length,
                        maxCalls,
                        CONCURRENCY,
                        n -> call(http, gateway, users, accounts, n));
        traffic.awaitEnd(length.plusSeconds(90));
        return traffic.outcomes();
    }

    /** The mix, per 20 calls: 6 lists, 4 creates, 5 reads of one quote, 4 /me, 1 login. */
    private static Traffic.Call call(
            Http http, URI gateway, List<User> users, List<Api.Account> accounts, long n) {
        int u = (int) ((n / 20) % users.size());
        User user = users.get(u);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + user.token());
        int slot = (int) (n % 20);
        if (slot < 6) {
            return new Traffic.Call(
                    "list", () -> http.get(gateway.resolve("/api/quotes?limit=10"), bearer));
        }
        if (slot < 10 || user.quoteIds().isEmpty()) {
            return new Traffic.Call(
                    "create",
                    () -> {
                        Map<String, String> headers = new HashMap<>(bearer);
                        headers.put("Idempotency-Key", UUID.randomUUID().toString());
                        Http.Reply reply =
                                http.post(
                                        gateway.resolve("/api/quotes"),
                                        Api.quoteBody("soak " + n),
                                        headers);
                        if (reply.status() == 201 && user.quoteIds().size() < 200) {
                            user.quoteIds().add(reply.json("id"));
                        }
                        return reply;
                    });
        }
        if (slot < 15) {
            List<String> ids = user.quoteIds();
            String id = ids.get((int) (n % ids.size()));
            return new Traffic.Call(
                    "get", () -> http.get(gateway.resolve("/api/quotes/" + id), bearer));
        }
        if (slot < 19) {
            return new Traffic.Call("me", () -> http.get(gateway.resolve("/api/auth/me"), bearer));
        }
        Api.Account account = accounts.get(u);
        return new Traffic.Call(
                "login",
                () ->
                        http.post(
                                gateway.resolve("/api/auth/login"),
                                "{\"email\":\""
                                        + account.email()
                                        + "\",\"password\":\""
                                        + account.password()
                                        + "\"}",
                                Map.of()));
    }

    private static void assertNoErrors(String phase, List<Traffic.Outcome> outcomes) {
        List<Traffic.Outcome> errors = outcomes.stream().filter(o -> !o.reply().ok()).toList();
        assertThat(errors)
                .as(
                        "%s: failed requests of %d (first: %s)",
                        phase,
                        outcomes.size(),
                        errors.isEmpty() ? "" : errors.get(0).reply().body())
                .isEmpty();
    }

    /** A full GC in every replica, then its heap in use (from /q/metrics) and its RSS. */
    private static Map<String, Memory> measure(Cluster cluster, Http http) {
        Map<String, Memory> memory = new HashMap<>();
        for (String name : Cluster.REPLICAS) {
            cluster.ctl("gc", name);
            Http.Reply metrics =
                    http.get(
                            cluster.managementUrl(name).resolve("/q/metrics"),
                            Map.of("Accept", "text/plain"));
            assertThat(metrics.status()).as("%s /q/metrics", name).isEqualTo(200);
            memory.put(name, new Memory(heapUsed(metrics.body()), cluster.rssKib(name)));
        }
        return memory;
    }

    /** The sum of {@code jvm_memory_used_bytes{area="heap",...}} over the heap pools. */
    static long heapUsed(String prometheusText) {
        double sum = 0;
        boolean found = false;
        for (String line : prometheusText.split("\n", -1)) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        assertThat(found).as("jvm_memory_used_bytes for the heap in /q/metrics").isTrue();
        return (long) sum;
    }

    private static void report(
            int seconds,
            List<Traffic.Outcome> soak,
            Map<String, Memory> before,
            Map<String, Memory> after) {
        long[] millis = soak.stream().mapToLong(o -> o.reply().millis()).sorted().toArray();
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        "[soak] %d s at %d/s through the gateway: %d requests, %d failed,"
                                + " p50 %d ms, p99 %d ms, max %d ms%n",
                        seconds,
                        RATE_PER_SECOND,
                        soak.size(),
                        soak.stream().filter(o -> !o.reply().ok()).count(),
                        percentile(millis, 0.50),
                        percentile(millis, 0.99),
                        millis.length == 0 ? 0 : millis[millis.length - 1]));
        for (String name : Cluster.REPLICAS) {
            Memory b = before.get(name);
            Memory a = after.get(name);
            text.append(
                    String.format(
                            "[soak] %s: heap after GC %.1f -> %.1f MiB, RSS %.1f -> %.1f MiB%n",
                            name,
                            b.heapAfterGcBytes() / 1048576.0,
                            a.heapAfterGcBytes() / 1048576.0,
                            b.rssKib() / 1024.0,
                            a.rssKib() / 1024.0));
        }
        System.out.print(text);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
