package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.auth.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password work is bounded (contract 2): passwords are 12..128 characters, counted as sent and
 * after NFKC normalization (U+FDFA becomes 18 characters). A longer one is refused without hashing:
 * 401 {@code invalid_credentials} at login, 422 elsewhere.
 */
@QuarkusTest
class LongPasswordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** About 900 KB of UTF-8 either way, under the 1 MiB body limit. */
    private static final String LONG_ASCII = "a".repeat(900_000);

    private static final String LONG_FDFA = "\uFDFA".repeat(300_000);

    @Inject MeterRegistry registry;

    private double hashes() {
        return registry.find("forge.auth.password.hash").timer().count();
    }

    private static byte[] json(Map<String, String> body) throws Exception {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private static Response login(String email, String password) throws Exception {
        return Api.from(Api.ip())
                .body(json(Map.of("email", email, "password", password)))
                .post("/api/auth/login");
    }

    @Test
    void parallelHugePasswordsAtLoginAreRefusedFastWithoutHashing() throws Exception {
        Api.Account account = Api.register("huge");
        double before = hashes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String password = i % 2 == 0 ? LONG_ASCII : LONG_FDFA;
                answers.add(pool.submit(() -> login(account.email(), password)));
            }
            for (Future<Response> answer : answers) {
                unauthorized(answer.get(), "invalid_credentials");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
        assertThat(hashes()).as("hashes spent on over-long passwords").isEqualTo(before);
        // The service is up and the account was not locked by them.
        Api.login(account);
    }

    @Test
    void aPasswordOverTheBoundOnlyAfterNormalizationIsRefusedAtLoginWithoutHashing()
            throws Exception {
        Api.Account account = Api.register("nfkc");
        double before = hashes();
        // 12 characters as sent, 216 after NFKC.
        unauthorized(login(account.email(), "\uFDFA".repeat(12)), "invalid_credentials");
        unauthorized(login(Api.email("nobody"), "\uFDFA".repeat(12)), "invalid_credentials");
        assertThat(hashes()).isEqualTo(before);
    }

    @Test
    void overLongPasswordsElsewhereAre422WithoutHashing() throws Exception {
        Api.Session session = Api.registerAndLogin("huge-change");
        double before = hashes();
        for (String huge : List.of(LONG_ASCII, LONG_FDFA, "\uFDFA".repeat(12))) {
            problem(
                            Api.bearer(session.accessToken())
                                    .contentType("application/json")
                                    .body(
                                            json(
                                                    Map.of(
                                                            "current_password",
                                                            huge,
                                                            "new_password",
                                                            Api.password())))
                                    .post("/api/auth/password"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem("current_password"));
            problem(
                            Api.bearer(session.accessToken())
                                    .contentType("application/json")
                                    .body(
                                            json(
                                                    Map.of(
                                                            "current_password",
                                                            session.account().password(),
                                                            "new_password",
                                                            huge)))
                                    .post("/api/auth/password"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem("new_password"));
            problem(
                            Api.from(Api.ip())
                                    .body(
                                            json(
                                                    Map.of(
                                                            "email",
                                                            Api.email("huge-reg"),
                                                            "password",
                                                            huge,
                                                            "display_name",
                                                            "Huge")))
                                    .post("/api/auth/register"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem("password"));
        }
        assertThat(hashes()).isEqualTo(before);
        Api.bearer(session.accessToken()).get("/api/auth/me").then().statusCode(200);
    }
}
