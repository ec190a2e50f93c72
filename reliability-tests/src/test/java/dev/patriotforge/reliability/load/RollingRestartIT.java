package dev.patriotforge.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.ClusterTest;
import dev.patriotforge.reliability.harness.Polling;
import dev.patriotforge.reliability.harness.Traffic;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.http.Http;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A rolling update under load: while four clients keep reading and writing through the gateway,
 * each replica of each service is restarted in turn the way a Deployment rollout does it ({@code
 * ctl roll}: SIGTERM; during the shutdown delay the replica still serves with readiness DOWN and
 * the gateway takes it out; it finishes what is in flight and exits; a new process starts and goes
 * back in once ready). Not one request may fail.
 */
@Order(66)
class RollingRestartIT extends ClusterTest {
    private static final int CLIENTS = 4;
    private static final Duration PAUSE = Duration.ofMillis(20);

    @Test
    void rollingEveryReplicaUnderLoadFailsNoRequest() {
        URI gateway = cluster.gateway();
        // Registered at a replica directly (its own client address), so that the gateway's
        // per-address limits stay for the tests that are about them.
        Api api = Api.direct(cluster.url("auth-a"));
        String token = api.tokens(api.newAccount()).access();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        Http http = new Http(Duration.ofSeconds(30));
        String body = Api.quoteBody("rolling restart");
        URI me = gateway.resolve("/api/auth/me");
        URI quotes = gateway.resolve("/api/quotes");

        Map<String, Long> pidsBefore = new HashMap<>();
        Cluster.REPLICAS.forEach(name -> pidsBefore.put(name, cluster.pid(name)));
        Map<String, Long> rollMillis = new HashMap<>();
        List<Traffic.Outcome> outcomes;
        long elapsed;
        try (Traffic traffic =
                Traffic.closedLoop(
                        CLIENTS,
                        PAUSE,
                        n ->
                                switch ((int) (n % 3)) {
                                    case 0 -> new Traffic.Call("GET me", () -> http.get(me, auth));
                                    case 1 ->
                                            new Traffic.Call(
                                                    "POST quote",
                                                    () -> createOnce(http, quotes, body, auth));
                                    default ->
                                            new Traffic.Call(
                                                    "GET quotes", () -> http.get(quotes, auth));
                                })) {
            Polling.sleep(Duration.ofSeconds(2));
            for (String name : Cluster.REPLICAS) {
                long start = System.nanoTime();
                cluster.ctl("roll", name);
                rollMillis.put(name, (System.nanoTime() - start) / 1_000_000);
                Polling.sleep(Duration.ofSeconds(1));
            }
            traffic.stop();
            outcomes = traffic.outcomes();
            elapsed = traffic.elapsedMillis();
        }

        List<Traffic.Outcome> failed =
                outcomes.stream().filter(o -> !expected(o.label(), o.reply().status())).toList();
        long[] millis = outcomes.stream().mapToLong(o -> o.reply().millis()).sorted().toArray();
        long p99 = millis.length == 0 ? 0 : millis[(int) Math.ceil(millis.length * 0.99) - 1];
        System.out.printf(
                "[rolling restart] %d requests in %d s through the gateway, %d failed, p99 %d ms,"
                        + " max %d ms; roll durations (ms): %s%n",
                outcomes.size(),
                elapsed / 1000,
                failed.size(),
                p99,
                millis.length == 0 ? 0 : millis[millis.length - 1],
                rollMillis);

        for (String name : Cluster.REPLICAS) {
            assertThat(cluster.pid(name))
                    .as("%s was restarted", name)
                    .isNotEqualTo(pidsBefore.get(name));
        }
        assertThat(outcomes.size()).as("requests sent during the roll").isGreaterThan(200);
        assertThat(failed)
                .as(
                        "failed requests of %d (first: %s)",
                        outcomes.size(), failed.stream().findFirst())
                .isEmpty();
    }

    /**
     * A create as a careful client sends it: with an Idempotency-Key, sent once more with the same
     * key when the connection closed before any answer. The gateway's graceful reload closes idle
     * keep-alive connections, and one may close just as a request leaves on it; the JDK client
     * resends a GET then by itself, but never a POST. The key makes the second send a replay if the
     * first one was served.
     */
    private static Http.Reply createOnce(
            Http http, URI quotes, String body, Map<String, String> auth) {
        Map<String, String> headers = new HashMap<>(auth);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Http.Reply reply = http.post(quotes, body, headers);
        if (reply.status() == 0) {
            System.out.printf("[rolling restart] POST sent again with its key after: %s%n", reply);
            reply = http.post(quotes, body, headers);
        }
        return reply;
    }

    private static boolean expected(String label, int status) {
        return label.startsWith("POST") ? status == 201 : status == 200;
    }
}
