package dev.patriotforge.reliability.security;

import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.reliability.harness.Cluster;
import dev.patriotforge.testsupport.api.Api;
import dev.patriotforge.testsupport.api.ClientIps;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A login with an unknown email takes about as long as one with a known email and a wrong password
 * (CONTRACT.md: "the same body and about the same time"), so timing does not reveal who has an
 * account: the medians differ by at most 20%. Samples alternate between the two kinds, so that a
 * busy machine slows both alike, and each comes from its own client address so that no per-IP limit
 * interferes; no account gets enough failures to lock.
 */
@Order(30)
class LoginTimingIT {
    private static final int SAMPLES = 40;
    private static final int ACCOUNTS = 10;
    private static final int WARM_UP = 4;
    private static final double TOLERANCE = 0.20;

    @Test
    void unknownEmailAndWrongPasswordTakeTheSameTime() {
        Cluster cluster = Cluster.get();
        Api api = Api.direct(cluster.url("auth-a"));
        List<Api.Account> accounts = new ArrayList<>();
        for (int i = 0; i <= ACCOUNTS; i++) {
            accounts.add(api.from(ClientIps.next()).newAccount());
        }
        Api.Account warmUpAccount = accounts.remove(ACCOUNTS);
        for (int i = 0; i < WARM_UP; i++) {
            timeFailedLogin(api, Api.newCredentials().email());
            timeFailedLogin(api, warmUpAccount.email());
        }

        List<Long> unknownEmail = new ArrayList<>();
        List<Long> wrongPassword = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            // Every account gets SAMPLES / ACCOUNTS = 4 failures: below the lockout (5).
            String known = accounts.get(i % ACCOUNTS).email();
            if (i % 2 == 0) {
                unknownEmail.add(timeFailedLogin(api, Api.newCredentials().email()));
                wrongPassword.add(timeFailedLogin(api, known));
            } else {
                wrongPassword.add(timeFailedLogin(api, known));
                unknownEmail.add(timeFailedLogin(api, Api.newCredentials().email()));
            }
        }

        double unknown = median(unknownEmail);
        double wrong = median(wrongPassword);
        String report =
                String.format(
                        "median unknown email %.1f ms %s, wrong password %.1f ms %s",
                        unknown, unknownEmail, wrong, wrongPassword);
        System.out.println("[login timing] " + report);
        assertThat(Math.abs(unknown - wrong) / Math.min(unknown, wrong))
                .as(report)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** Nanosecond-timed failed login from a fresh client address; the answer must be the 401. */
    private static long timeFailedLogin(Api api, String email) {
        Api client = api.from(ClientIps.next());
        long start = System.nanoTime();
        Response response = client.login(email, "Not-the-password-42x");
        long micros = (System.nanoTime() - start) / 1_000;
        assertProblem(response, 401, "invalid_credentials");
        return micros / 1_000;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
