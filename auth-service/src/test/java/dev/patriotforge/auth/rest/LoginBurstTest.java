package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import dev.patriotforge.auth.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Limits count before work (contract 2): parallel guesses are counted before their password is
 * verified, so a burst never verifies more than the configured maximum, and the rest get 429 (never
 * a 5xx).
 */
@QuarkusTest
class LoginBurstTest {
    private static final int BURST = 40;

    @Inject MeterRegistry registry;

    private double hashes() {
        return registry.find("forge.auth.password.hash").timer().count();
    }

    private static int config(String name) {
        return ConfigProvider.getConfig().getValue(name, Integer.class);
    }

    /**
     * Warms what a running service has warm (worker threads, client connections, the Redis
     * connection pool) with a burst of cheap requests. On this shared two-core test machine a burst
     * into a cold JVM can take the Redis client past its 2 s timeout, which is a 503 by design.
     */
    private static void warmUp() throws Exception {
        Api.Session session = Api.registerAndLogin("warm");
        burst(n -> Api.bearer(session.accessToken()).get("/api/auth/me"));
    }

    /** Sends the requests all at once and returns the answers. */
    private static List<Response> burst(IntFunction<Response> login) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return login.apply(n);
                                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had each status. */
    private static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream()
                .collect(
                        Collectors.groupingBy(
                                Response::statusCode, TreeMap::new, Collectors.counting()));
    }

    @Test
    void fortyParallelWrongPasswordsForOneAccountVerifyAtMostTheMaximum() throws Exception {
        int max = config("forge.auth.lockout.max-failures");
        Api.Account account = Api.register("burst");
        warmUp();
        double before = hashes();

        List<Response> answers =
                burst(n -> Api.loginResponse(account.email(), "Wrong-Password-" + n, Api.ip()));
        // At once, within the test profile's lockout of 12 s: the right password is refused too.
        Response right = Api.loginResponse(account.email(), account.password(), Api.ip());

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses.getOrDefault(401, 0L))
                .as("wrong passwords verified (401), of %s", statuses)
                .isBetween(1L, (long) max);
        assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(401, 429);
        assertThat(hashes() - before).isLessThanOrEqualTo(max);
        for (Response r : answers) {
            if (r.statusCode() == 429) {
                problem(r, 429, "too_many_attempts")
                        .header("Retry-After", matchesPattern("[1-9]\\d*"));
            } else {
                problem(r, 401, "invalid_credentials");
            }
        }
        problem(right, 429, "too_many_attempts");
    }

    @Test
    void fortyParallelWrongLoginsFromOneAddressVerifyAtMostItsLimit() throws Exception {
        int limit = config("forge.auth.ip.failed-logins");
        String ip = Api.ip();
        warmUp();
        double before = hashes();

        List<Response> answers =
                burst(n -> Api.loginResponse(Api.email("spray"), "Wrong-Password-1", ip));

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses.getOrDefault(401, 0L))
                .as("wrong logins verified (401), of %s", statuses)
                .isBetween(1L, (long) limit);
        assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(401, 429);
        assertThat(hashes() - before).isLessThanOrEqualTo(limit);
        for (Response r : answers) {
            if (r.statusCode() == 429) {
                problem(r, 429, "rate_limited").header("Retry-After", matchesPattern("[1-9]\\d*"));
            }
        }
    }

    @Test
    void aBurstOfRightPasswordsForManyAccountsIsServedWithoutA5xx() throws Exception {
        List<Api.Account> accounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            accounts.add(Api.register("crowd"));
        }
        warmUp();
        List<Response> answers =
                burst(
                        n -> {
                            Api.Account a = accounts.get(n % accounts.size());
                            return Api.loginResponse(a.email(), a.password(), Api.ip());
                        });
        // All succeed, or are shed with 429 when the hashing pool is full; never a 5xx.
        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(200, 429);
        assertThat(statuses.getOrDefault(200, 0L)).isPositive();
    }
}
