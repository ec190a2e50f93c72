package dev.patriotforge.auth.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * /password/forgot takes about as long for an address with an account as for one without (the
 * medians of alternating requests, like LoginTest's timing check). Prints a line starting with
 * {@code TIMING} with both medians.
 */
@QuarkusTest
class ForgotPasswordTimingTest {
    private static final int RUNS = 15;

    @Test
    void knownAndUnknownAddressesTakeAboutTheSameTime() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            known.add(Api.register("forgot-timing").email());
        }
        for (int i = 0; i < 3; i++) {
            timed(Api.email("warm"));
        }
        double[] knownMillis = new double[RUNS];
        double[] unknownMillis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            // Each known address is asked once: every request is within its limits and mails.
            knownMillis[i] = timed(known.get(i));
            unknownMillis[i] = timed(Api.email("nobody"));
        }
        Arrays.sort(knownMillis);
        Arrays.sort(unknownMillis);
        double knownMedian = knownMillis[RUNS / 2];
        double unknownMedian = unknownMillis[RUNS / 2];
        System.out.printf(
                Locale.ROOT,
                "TIMING POST /api/auth/password/forgot n=%d median known=%.2f ms unknown=%.2f ms%n",
                RUNS,
                knownMedian,
                unknownMedian);
        assertThat(unknownMedian / knownMedian).isBetween(0.5, 2.0);
    }

    private static double timed(String email) {
        long start = System.nanoTime();
        PasswordResetTest.forgot(email, Api.ip()).then().statusCode(202);
        return (System.nanoTime() - start) / 1e6;
    }
}
