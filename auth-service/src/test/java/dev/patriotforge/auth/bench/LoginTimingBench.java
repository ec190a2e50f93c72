package dev.patriotforge.auth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.service.PasswordHasher;
import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Measures one Argon2id hash and one full login on this machine. Not part of the normal test run
 * (the class name does not end in Test); run it explicitly:
 *
 * <pre>
 * ./forge test -pl auth-service -Dtest=LoginTimingBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints lines starting with {@code BENCH}. The requests are bounded in number and go to the
 * test application on the loopback interface only.
 */
@QuarkusTest
class LoginTimingBench {
    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    @Inject PasswordHasher hasher;

    @Test
    void measureHashAndLogin() throws Exception {
        Secret password = Secret.of("correct horse battery staple");
        String hash = hasher.hash(password);
        report("argon2id hash (" + hasher.cost() + ")", time(() -> hasher.hash(password).length()));
        report("argon2id verify", time(() -> hasher.verify(password, hash).matches() ? 1 : 2));

        Api.Account account = Api.register("bench");
        report(
                "POST /api/auth/login, success (HTTP round trip)",
                time(
                        () ->
                                Api.loginResponse(account.email(), account.password(), Api.ip())
                                        .statusCode()));
        report(
                "POST /api/auth/login, unknown email (HTTP round trip)",
                time(
                        () ->
                                Api.loginResponse(Api.email("nobody"), "Wrong-Password-1", Api.ip())
                                        .statusCode()));

        int clients = 8;
        int perClient = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(
                        pool.submit(
                                () -> {
                                    int ok = 0;
                                    for (int i = 0; i < perClient; i++) {
                                        if (Api.loginResponse(
                                                                account.email(),
                                                                account.password(),
                                                                Api.ip())
                                                        .statusCode()
                                                == 200) {
                                            ok++;
                                        }
                                    }
                                    return ok;
                                }));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "BENCH %d concurrent clients x %d logins: %d ok in %.2f s = %.1f logins/s%n",
                    clients,
                    perClient,
                    ok,
                    seconds,
                    ok / seconds);
            assertThat(ok).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] time(IntSupplier action) {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += action.getAsInt();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += action.getAsInt();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        assertThat(sink).isPositive();
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "BENCH %s: n=%d min=%.1f ms median=%.1f ms p90=%.1f ms max=%.1f ms mean=%.1f ms%n",
                what,
                sorted.length,
                sorted[0],
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
                sorted[sorted.length - 1],
                mean);
    }
}
