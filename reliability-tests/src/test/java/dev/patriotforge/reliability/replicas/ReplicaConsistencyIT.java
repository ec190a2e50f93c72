package dev.patriotforge.reliability.replicas;

import static dev.patriotforge.testsupport.Problems.assertProblem;
import static dev.patriotforge.testsupport.Problems.assertRetryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.QuoteRows;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.api.ClientIps;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With two replicas of each service, the state that must be shared is shared: a logout at one auth
 * replica is honoured by the other and by both quote replicas within one second, an account locked
 * through one replica is locked at the other, per-IP limits count requests at either replica, and
 * an Idempotency-Key used at one quote replica replays at the other.
 */
@Order(20)
class ReplicaConsistencyIT {
    private static Cluster cluster;

    @BeforeAll
    static void setUp() {
        cluster = Cluster.get();
        cluster.restoreAll();
    }

    private static Api at(Api client, String replica) {
        return client.at(cluster.url(replica));
    }

    @Test
    void aLogoutAtOneReplicaIsHonouredByEveryReplicaWithinOneSecond() {
        Api a = Api.direct(cluster.url("auth-a"));
        Api.Account account = a.newAccount();
        Api.Tokens tokens = a.tokens(account);
        assertThat(at(a, "auth-b").me(tokens.access()).statusCode()).isEqualTo(200);
        for (String name : Cluster.QUOTE) {
            assertThat(at(a, name).listQuotes(tokens.access()).statusCode()).isEqualTo(200);
        }

        assertThat(a.logout(tokens.access()).statusCode()).isEqualTo(204);
        long loggedOut = System.nanoTime();

        List<Supplier<Response>> checks =
                List.of(
                        () -> at(a, "auth-b").me(tokens.access()),
                        () -> at(a, "quote-a").listQuotes(tokens.access()),
                        () -> at(a, "quote-b").listQuotes(tokens.access()));
        int accepted = 0;
        for (Supplier<Response> check : checks) {
            Response response = check.get();
            while (response.statusCode() == 200 && elapsedMillis(loggedOut) < 1_000) {
                accepted++;
                response = check.get();
            }
            assertProblem(response, 401, "token_revoked");
        }
        long refusedEverywhere = elapsedMillis(loggedOut);
        System.out.printf(
                "[revocation] refused at auth-b, quote-a and quote-b %d ms after the logout"
                        + " (%d requests still accepted)%n",
                refusedEverywhere, accepted);
        assertThat(refusedEverywhere).as("ms until every replica refused").isLessThan(1_000);
        // The refresh token of the session is spent as well, at the other replica too.
        assertThat(at(a, "auth-b").refresh(tokens.refresh()).statusCode()).isEqualTo(401);
    }

    @Test
    void aLogoutThroughTheGatewayIsHonouredOnEveryFollowingRequest() {
        Api gateway = Api.gateway(cluster.gateway());
        Api direct = Api.direct(cluster.url("auth-b"));
        Api.Account account = direct.newAccount();
        Api.Tokens tokens = gateway.tokens(account);
        assertThat(gateway.listQuotes(tokens.access()).statusCode()).isEqualTo(200);

        assertThat(gateway.logout(tokens.access()).statusCode()).isEqualTo(204);

        // Round robin spreads these over both replicas of each service.
        for (int i = 0; i < 4; i++) {
            assertProblem(gateway.listQuotes(tokens.access()), 401, "token_revoked");
            assertProblem(gateway.me(tokens.access()), 401, "token_revoked");
        }
    }

    @Test
    void anAccountLockedThroughOneReplicaIsLockedAtTheOther() {
        Api a = Api.direct(cluster.url("auth-a"));
        Api.Account account = a.newAccount();
        int maxFailures = cluster.intProperty("lockout.max.failures");

        // Consecutive failures, alternating replicas, each from another client address so
        // that only the account's own count can lock it.
        for (int i = 0; i < maxFailures; i++) {
            Api replica = at(a, i % 2 == 0 ? "auth-a" : "auth-b").from(ClientIps.next());
            assertProblem(
                    replica.login(account.email(), "Wrong-password-" + i + "-xyz"),
                    401,
                    "invalid_credentials");
        }

        for (String name : Cluster.AUTH) {
            Response locked =
                    at(a, name).from(ClientIps.next()).login(account.email(), account.password());
            assertProblem(locked, 429, "too_many_attempts");
            assertRetryAfter(locked);
        }
    }

    @Test
    void thePerIpRegistrationLimitCountsRegistrationsAtEitherReplica() {
        Api client = Api.direct(cluster.url("auth-a"));
        int limit = cluster.intProperty("ip.registrations");
        for (int i = 0; i < limit; i++) {
            Response registered =
                    at(client, i % 2 == 0 ? "auth-a" : "auth-b").register(Api.newCredentials());
            assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        }

        for (String name : Cluster.AUTH) {
            Response limited = at(client, name).register(Api.newCredentials());
            assertProblem(limited, 429, "rate_limited");
            assertRetryAfter(limited);
        }
        // Another client is not affected.
        assertThat(client.from(ClientIps.next()).register(Api.newCredentials()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void thePerIpFailedLoginLimitCountsFailuresAtEitherReplica() {
        Api client = Api.direct(cluster.url("auth-a"));
        Api.Account account = Api.direct(cluster.url("auth-b")).newAccount();
        int limit = cluster.intProperty("ip.failed.logins");
        for (int i = 0; i < limit; i++) {
            // Unknown emails: no account gets locked, only the address's count grows.
            Api replica = at(client, i % 2 == 0 ? "auth-a" : "auth-b");
            assertProblem(
                    replica.login(Api.newCredentials().email(), "Wrong-password-xyz-1"),
                    401,
                    "invalid_credentials");
        }

        for (String name : Cluster.AUTH) {
            // Even the right password: this address has used up its failed logins.
            Response limited = at(client, name).login(account.email(), account.password());
            assertProblem(limited, 429, "rate_limited");
            assertRetryAfter(limited);
        }
        assertThat(
                        client.from(ClientIps.next())
                                .login(account.email(), account.password())
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anIdempotencyKeyUsedAtOneQuoteReplicaReplaysAtTheOther() throws SQLException {
        Api a = Api.direct(cluster.url("auth-a"));
        Api.Account account = a.newAccount();
        String token = a.tokens(account).access();
        String key = UUID.randomUUID().toString();
        String title = "replica idem " + key.substring(0, 8);

        Response first = at(a, "quote-a").createQuote(token, key, title);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response again = at(a, "quote-b").createQuote(token, key, title);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.<String>path("number")).isEqualTo(first.path("number"));

        assertProblem(
                at(a, "quote-b").createQuote(token, key, title + " changed"),
                422,
                "idempotency_key_reused");
        assertThat(QuoteRows.titledLike(cluster, account, title + "%")).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyAtBothReplicasCreateOneQuote() throws Exception {
        Api a = Api.direct(cluster.url("auth-a"));
        Api.Account account = a.newAccount();
        String token = a.tokens(account).access();
        String key = UUID.randomUUID().toString();
        String title = "replica race " + key.substring(0, 8);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api replica = at(a, i % 2 == 0 ? "quote-a" : "quote-b");
                calls.add(() -> replica.createQuote(token, key, title));
            }
            futures.addAll(pool.invokeAll(calls));
        } finally {
            pool.shutdown();
        }

        Set<String> ids = new HashSet<>();
        for (Future<Response> future : futures) {
            Response response = future.get();
            if (response.statusCode() == 201) {
                ids.add(response.path("id"));
            } else {
                assertProblem(response, 409, "idempotency_key_in_use");
            }
        }
        assertThat(ids).as("ids of the 201 answers").hasSize(1);
        assertThat(QuoteRows.titledLike(cluster, account, title)).isEqualTo(1);
        Response replay = at(a, "quote-b").createQuote(token, key, title);
        assertThat(replay.<String>path("id")).isEqualTo(ids.iterator().next());
    }

    private static long elapsedMillis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
