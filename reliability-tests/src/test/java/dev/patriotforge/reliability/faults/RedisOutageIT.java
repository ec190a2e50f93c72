package dev.patriotforge.reliability.faults;

import static dev.patriotforge.testsupport.Problems.assertDependencyUnavailable;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.reliability.harness.Polling;
import dev.patriotforge.reliability.harness.QuoteRows;
import dev.patriotforge.reliability.harness.ReplicaPidsTest;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.api.ClientIps;
import dev.patriotforge.testsupport.http.Http;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Redis stops (and, separately, stops answering): quote-service fails closed with 503 {@code
 * dependency_unavailable}, auth-service too (its lockout and per-IP limits live in Redis), every
 * readiness check goes DOWN while liveness stays UP, and everything answers again once Redis is
 * back, without restarting any process.
 */
@Order(40)
class RedisOutageIT extends ReplicaPidsTest {
    /** Redis commands time out after FORGE_REDIS_TIMEOUT (2 s); allow for a busy machine. */
    private static final long MAX_FAILURE_MILLIS = 6_000;

    /** Gives up well before the gateway would (30 s): a hang shows as status 0. */
    private static final Http HTTP = new Http(Duration.ofSeconds(10));

    @Test
    @Order(1)
    void readinessGoesDownWhileRedisIsStoppedAndUpAgainWithoutARestart() {
        cluster.ctl("redis-stop");
        cluster.awaitReadiness(Cluster.REPLICAS, 503, Duration.ofSeconds(20));
        for (String name : Cluster.REPLICAS) {
            assertThat(cluster.liveness(name))
                    .as("%s liveness while Redis is down (no reason to restart it)", name)
                    .isEqualTo(200);
        }

        cluster.ctl("redis-start");

        cluster.awaitReadiness(Cluster.REPLICAS, 200, Duration.ofSeconds(30));
        assertNoReplicaRestarted();
    }

    @Test
    @Order(2)
    void quoteServiceFailsClosedWhileRedisIsStoppedAndRecoversByItself() throws SQLException {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();
        String tag = "redis-down " + UUID.randomUUID().toString().substring(0, 8);
        for (String name : Cluster.QUOTE) {
            Response created =
                    auth.at(cluster.url(name)).createQuote(token, null, tag + " before " + name);
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        }

        cluster.ctl("redis-stop");

        for (String name : Cluster.QUOTE) {
            Api quotes = auth.at(cluster.url(name));
            assertFailsClosed(quotes.listQuotes(token));
            assertFailsClosed(quotes.createQuote(token, null, tag + " during " + name));
            assertFailsClosed(
                    quotes.createQuote(
                            token, UUID.randomUUID().toString(), tag + " keyed " + name));
        }
        assertThat(QuoteRows.titledLike(cluster, account, tag + " during%")).isZero();
        assertThat(QuoteRows.titledLike(cluster, account, tag + " keyed%")).isZero();

        cluster.ctl("redis-start");

        for (String name : Cluster.QUOTE) {
            Api quotes = auth.at(cluster.url(name));
            Polling.within(
                    Duration.ofSeconds(30),
                    () -> quotes.listQuotes(token).statusCode() == 200,
                    () -> name + " still fails after Redis came back");
            Response created = quotes.createQuote(token, null, tag + " after " + name);
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        }
        assertNoReplicaRestarted();
    }

    @Test
    @Order(3)
    void authServiceFailsClosedWhileRedisIsStoppedAndRecoversByItself() {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();

        cluster.ctl("redis-stop");

        for (String name : Cluster.AUTH) {
            Api replica = auth.at(cluster.url(name));
            // Lockout and per-IP limits are in Redis: no login is checked without them.
            assertFailsClosed(replica.login(account.email(), account.password()));
            assertFailsClosed(replica.login(account.email(), "Wrong-password-123456"));
            // The per-IP registration limit is in Redis as well.
            assertFailsClosed(replica.register(Api.newCredentials()));
            // The revocation mark of the session cannot be checked: fail closed.
            assertFailsClosed(replica.me(token));
            // Nor written: the logout is refused rather than half done.
            assertFailsClosed(replica.logout(token));
            // Public keys need no Redis: quote-service can still refresh its JWKS cache.
            assertThat(replica.request().get("/api/auth/.well-known/jwks.json").statusCode())
                    .isEqualTo(200);
        }

        cluster.ctl("redis-start");

        for (String name : Cluster.AUTH) {
            Api replica = auth.at(cluster.url(name));
            Polling.within(
                    Duration.ofSeconds(30),
                    () -> replica.me(token).statusCode() == 200,
                    () -> name + " still fails after Redis came back");
            assertThat(replica.login(account.email(), account.password()).statusCode())
                    .isEqualTo(200);
        }
        // The session survived the refused logouts; a logout now works and is seen at once.
        assertThat(auth.logout(token).statusCode()).isEqualTo(204);
        assertProblem(auth.at(cluster.url("auth-b")).me(token), 401, "token_revoked");
        assertNoReplicaRestarted();
    }

    @Test
    @Order(4)
    void anUnresponsiveRedisGivesA503FromAuthServiceWithinTheTimeout() {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();

        List<Http.Reply> replies = new ArrayList<>();
        cluster.ctl("redis-freeze");
        try {
            for (String name : Cluster.AUTH) {
                replies.add(
                        HTTP.post(
                                cluster.url(name).resolve("/api/auth/login"),
                                "{\"email\":\""
                                        + account.email()
                                        + "\",\"password\":\""
                                        + account.password()
                                        + "\"}",
                                Map.of("X-Forwarded-For", ClientIps.next())));
            }
        } finally {
            cluster.ctl("redis-thaw");
        }

        assertThat(replies).allSatisfy(RedisOutageIT::assertFailedClosedInTime);
        for (String name : Cluster.AUTH) {
            Api replica = auth.at(cluster.url(name));
            Polling.within(
                    Duration.ofSeconds(30),
                    () -> replica.login(account.email(), account.password()).statusCode() == 200,
                    () -> name + " still fails after Redis answered again");
        }
        assertNoReplicaRestarted();
    }

    /**
     * quote-service checks the revocation mark with the reactive Redis client, which applies no
     * command timeout by itself; service-common's RevocationStore bounds the check by
     * FORGE_REDIS_TIMEOUT, so a silent Redis gives a 503 in time instead of a hang.
     */
    @Test
    @Order(5)
    void anUnresponsiveRedisGivesA503FromQuoteServiceWithinTheTimeout() {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();

        List<Http.Reply> replies = new ArrayList<>();
        cluster.ctl("redis-freeze");
        try {
            for (String name : Cluster.QUOTE) {
                replies.add(
                        HTTP.get(
                                cluster.url(name).resolve("/api/quotes"),
                                Map.of("Authorization", "Bearer " + token)));
            }
        } finally {
            cluster.ctl("redis-thaw");
        }

        assertThat(replies).allSatisfy(RedisOutageIT::assertFailedClosedInTime);
        assertNoReplicaRestarted();
    }

    /** Revocation marks live in Redis; they must survive its restart. */
    @Test
    @Order(6)
    void aRevokedTokenStaysRevokedAcrossARedisRestart() {
        Api auth = Api.direct(cluster.url("auth-a"));
        Api.Account account = auth.newAccount();
        String token = auth.tokens(account).access();
        assertThat(auth.logout(token).statusCode()).isEqualTo(204);

        cluster.ctl("redis-stop");
        cluster.ctl("redis-start");
        cluster.awaitReadiness(Cluster.REPLICAS, 200, Duration.ofSeconds(30));

        for (String name : Cluster.QUOTE) {
            assertProblem(auth.at(cluster.url(name)).listQuotes(token), 401, "token_revoked");
        }
        assertProblem(auth.me(token), 401, "token_revoked");
    }

    private static void assertFailedClosedInTime(Http.Reply reply) {
        assertThat(reply.isDependencyUnavailable()).as("%s %s", reply, reply.body()).isTrue();
        assertThat(reply.millis())
                .as("time to the 503 (ms)")
                .isLessThanOrEqualTo(MAX_FAILURE_MILLIS);
    }

    private static void assertFailsClosed(Response response) {
        assertDependencyUnavailable(response);
        assertThat(response.time())
                .as("time to the 503 (ms)")
                .isLessThanOrEqualTo(MAX_FAILURE_MILLIS);
    }

    private void assertNoReplicaRestarted() {
        for (String name : Cluster.REPLICAS) {
            assertThat(cluster.pid(name))
                    .as("pid of %s (no restart)", name)
                    .isEqualTo(pids.get(name));
            assertThat(cluster.alive(name)).as("%s is alive", name).isTrue();
        }
    }
}
