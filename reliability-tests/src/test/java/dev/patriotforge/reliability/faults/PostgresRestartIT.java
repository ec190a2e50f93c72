package dev.patriotforge.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.Polling;
import dev.patriotforge.reliability.harness.ReplicaPidsTest;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops or restarts while clients keep sending: every request either succeeds or gets a
 * clean 503 {@code dependency_unavailable} with {@code Retry-After}, within the dependency timeouts
 * (never a hang, never a 500 or a dropped connection), readiness goes DOWN while the database is
 * away, and every replica serves again once it is back, without a restart.
 */
@Order(50)
class PostgresRestartIT extends ReplicaPidsTest {
    /**
     * Longest acceptable answer while the database is away: the pool waits 5 s for a connection
     * (FORGE_DB_ACQUISITION_TIMEOUT) and the driver 5 s to connect; the rest is slack for a busy
     * 2-core machine.
     */
    private static final long MAX_ANSWER_MILLIS = 15_000;

    private static final int WORKERS = 4;

    @Test
    @Order(1)
    void readinessGoesDownWhilePostgresIsStoppedAndUpAgainWithoutARestart() {
        cluster.ctl("pg-stop", "fast");
        cluster.awaitReadiness(Cluster.REPLICAS, 503, Duration.ofSeconds(30));
        for (String name : Cluster.REPLICAS) {
            assertThat(cluster.liveness(name)).as("%s liveness", name).isEqualTo(200);
        }

        cluster.ctl("pg-start");

        cluster.awaitReadiness(Cluster.REPLICAS, 200, Duration.ofSeconds(60));
        assertNoReplicaRestarted();
    }

    /**
     * No hang, no dropped connection, and every failure a 503 problem, including a commit that the
     * restart cuts off (Narayana reports its PSQLException, SQL state 57P01, as a suppressed
     * exception, which service-common's Causes looks at).
     */
    @Test
    @Order(2)
    void requestsInFlightDuringARestartFailOnlyWith503AndServiceResumesByItself() {
        assertAnswers(restartUnderLoad());
    }

    /** Load at both replicas of each service, PostgreSQL restarted in the middle. */
    private List<Traffic.Outcome> restartUnderLoad() {
        List<Client> clients = clients();
        Http http = new Http(Duration.ofSeconds(30));
        long restartedAt;
        List<Traffic.Outcome> outcomes;
        try (Traffic traffic =
                Traffic.closedLoop(
                        WORKERS,
                        Duration.ofMillis(20),
                        n -> clients.get((int) (n % WORKERS)).call(http, n / WORKERS))) {
            Polling.sleep(Duration.ofSeconds(4));
            cluster.ctl("pg-restart", "fast");
            restartedAt = traffic.elapsedMillis();
            // Keep the load on until every replica answers again, then a little longer.
            Polling.within(
                    Duration.ofSeconds(60),
                    () -> allRecoveredSince(traffic.outcomes(), restartedAt),
                    () -> "not every operation succeeded again after the restart");
            Polling.sleep(Duration.ofSeconds(3));
            traffic.stop();
            outcomes = traffic.outcomes();
        }

        assertThat(outcomes.stream().filter(o -> !o.reply().ok()).count())
                .as("requests that failed during the restart (the restart must be seen)")
                .isPositive();
        long tail =
                outcomes.stream().mapToLong(Traffic.Outcome::atMillis).max().orElseThrow() - 2_000;
        assertThat(outcomes.stream().filter(o -> o.atMillis() > tail && !o.reply().ok()).toList())
                .as("failures in the last 2 s of load, long after the restart")
                .isEmpty();
        cluster.awaitReadiness(Cluster.REPLICAS, 200, Duration.ofSeconds(30));
        assertNoReplicaRestarted();
        return outcomes;
    }

    @Test
    @Order(4)
    void aLongerOutageUnderLoadGives503sAndServiceResumesByItself() {
        List<Client> clients = clients();
        Http http = new Http(Duration.ofSeconds(30));
        List<Traffic.Outcome> outcomes;
        try (Traffic traffic =
                Traffic.closedLoop(
                        WORKERS,
                        Duration.ofMillis(50),
                        n -> clients.get((int) (n % WORKERS)).call(http, n / WORKERS))) {
            Polling.sleep(Duration.ofSeconds(2));
            cluster.ctl("pg-stop", "fast");
            long stoppedAt = traffic.elapsedMillis();
            Polling.sleep(Duration.ofSeconds(8));
            // The outage window ends when the start begins: PostgreSQL accepts connections
            // before pg-start returns, so answers in between may already be 200s.
            long startingAt = traffic.elapsedMillis();
            cluster.ctl("pg-start");
            long startedAt = traffic.elapsedMillis();
            Polling.within(
                    Duration.ofSeconds(60),
                    () -> allRecoveredSince(traffic.outcomes(), startedAt),
                    () -> "not every operation succeeded again after PostgreSQL came back");
            traffic.stop();
            outcomes = traffic.outcomes();
            // Every operation here needs the database: while it was down (give the services 1 s
            // to notice), every answer is the clean 503.
            List<Traffic.Outcome> duringOutage =
                    outcomes.stream()
                            .filter(o -> o.atMillis() > stoppedAt + 1_000)
                            .filter(o -> o.atMillis() + o.reply().millis() < startingAt)
                            .toList();
            assertThat(duringOutage).as("requests sent while PostgreSQL was down").isNotEmpty();
            assertThat(duringOutage)
                    .as("answers while PostgreSQL was down")
                    .allSatisfy(
                            o ->
                                    assertThat(o.reply().isDependencyUnavailable())
                                            .as("%s", o)
                                            .isTrue());
        }
        assertAnswers(outcomes);
        assertNoReplicaRestarted();
    }

    /** One client per worker: its own account, talking to replica A or B in turn. */
    private record Client(Api.Account account, String token, List<URI> auth, List<URI> quote) {
        Traffic.Call call(Http http, long n) {
            URI authUri = auth.get((int) (n % 2));
            URI quoteUri = quote.get((int) ((n / 2) % 2));
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
            return switch ((int) (n % 4)) {
                case 0 ->
                        new Traffic.Call(
                                "list@" + quoteUri.getPort(),
                                () -> http.get(quoteUri.resolve("/api/quotes"), bearer));
                case 1 ->
                        new Traffic.Call(
                                "create@" + quoteUri.getPort(),
                                () -> {
                                    Map<String, String> headers = new HashMap<>(bearer);
                                    headers.put("Idempotency-Key", UUID.randomUUID().toString());
                                    return http.post(
                                            quoteUri.resolve("/api/quotes"),
                                            Api.quoteBody("pg restart " + n),
                                            headers);
                                });
                case 2 ->
                        new Traffic.Call(
                                "me@" + authUri.getPort(),
                                () -> http.get(authUri.resolve("/api/auth/me"), bearer));
                default ->
                        n % 3 == 0
                                ? new Traffic.Call(
                                        "login@" + authUri.getPort(),
                                        () ->
                                                http.post(
                                                        authUri.resolve("/api/auth/login"),
                                                        "{\"email\":\""
                                                                + account.email()
                                                                + "\",\"password\":\""
                                                                + account.password()
                                                                + "\"}",
                                                        Map.of()))
                                : new Traffic.Call(
                                        "get-quotes@" + quoteUri.getPort(),
                                        () ->
                                                http.get(
                                                        quoteUri.resolve("/api/quotes?limit=5"),
                                                        bearer));
            };
        }
    }

    private List<Client> clients() {
        List<URI> auth = Cluster.AUTH.stream().map(cluster::url).toList();
        List<URI> quote = Cluster.QUOTE.stream().map(cluster::url).toList();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Api api = Api.direct(auth.get(i % 2));
            Api.Account account = api.newAccount();
            clients.add(new Client(account, api.tokens(account).access(), auth, quote));
        }
        return clients;
    }

    /** Every label (operation at replica) has succeeded at least once after {@code since}. */
    private static boolean allRecoveredSince(List<Traffic.Outcome> outcomes, long since) {
        Map<String, Boolean> recovered = new HashMap<>();
        for (Traffic.Outcome o : outcomes) {
            recovered.merge(o.label(), o.atMillis() > since && o.reply().ok(), Boolean::logicalOr);
        }
        return !recovered.isEmpty() && !recovered.containsValue(false);
    }

    /**
     * Every request got an answer (no dropped connection) within {@link #MAX_ANSWER_MILLIS}: a
     * success, or the clean 503 {@code dependency_unavailable} with {@code Retry-After}.
     */
    private static void assertAnswers(List<Traffic.Outcome> outcomes) {
        System.out.printf(
                "[postgres] %d requests: %d ok, %d answered 503 dependency_unavailable,"
                        + " %d answered 500 internal_error, %d other; slowest answer %d ms%n",
                outcomes.size(),
                outcomes.stream().filter(o -> o.reply().ok()).count(),
                outcomes.stream().filter(o -> o.reply().isDependencyUnavailable()).count(),
                outcomes.stream().filter(o -> isInternalError(o.reply())).count(),
                outcomes.stream()
                        .filter(o -> !o.reply().ok())
                        .filter(o -> !o.reply().isDependencyUnavailable())
                        .filter(o -> !isInternalError(o.reply()))
                        .count(),
                outcomes.stream().mapToLong(o -> o.reply().millis()).max().orElse(0));
        assertThat(outcomes).as("requests sent").hasSizeGreaterThan(20);
        assertThat(outcomes)
                .as("every answer: a success or a clean 503 in time")
                .allSatisfy(
                        o -> {
                            assertThat(o.reply().status()).as("%s", o).isNotZero();
                            assertThat(o.reply().ok() || o.reply().isDependencyUnavailable())
                                    .as("%s: %s", o, o.reply().body())
                                    .isTrue();
                            assertThat(o.reply().millis())
                                    .as("%s", o)
                                    .isLessThanOrEqualTo(MAX_ANSWER_MILLIS);
                        });
    }

    private static boolean isInternalError(Http.Reply reply) {
        return reply.status() == 500 && "internal_error".equals(reply.code());
    }

    private void assertNoReplicaRestarted() {
        for (String name : Cluster.REPLICAS) {
            assertThat(cluster.pid(name)).as("pid of %s", name).isEqualTo(pids.get(name));
        }
    }
}
