package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Mails;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Forgot password, then reset with the mailed token (real SMTP). */
@QuarkusTest
class PasswordResetTest {
    @Inject AuthDb db;

    static Response forgot(String email, String ip) {
        return Api.from(ip).body(Map.of("email", email)).post("/api/auth/password/forgot");
    }

    static Response reset(String token, String password) {
        return Api.from(Api.ip())
                .body(Map.of("token", token, "new_password", password))
                .post("/api/auth/password/reset");
    }

    private static String resetToken(String email, int n) {
        return Mails.resetToken(Mails.nth(email, Mails.RESET, n));
    }

    @Test
    void resetEndsEverySessionClearsTheLockoutAndVerifiesTheAddress() {
        Api.Account account = Api.register("reset");
        Api.Session one = Api.login(account);
        Api.Session two = Api.login(account);
        for (int i = 0; i < 5; i++) {
            Api.loginResponse(account.email(), "Wrong-Password-" + i, Api.ip());
        }
        problem(
                Api.loginResponse(account.email(), account.password(), Api.ip()),
                429,
                "too_many_attempts");

        forgot(account.email(), Api.ip()).then().statusCode(202);
        String token = resetToken(account.email(), 1);
        String next = Api.password();
        reset(token, next).then().statusCode(204);

        unauthorized(Api.bearer(one.accessToken()).get("/api/auth/me"), "token_revoked");
        unauthorized(Api.bearer(two.accessToken()).get("/api/auth/me"), "token_revoked");
        unauthorized(
                Api.from(Api.ip())
                        .body(Map.of("refresh_token", one.refreshToken()))
                        .post("/api/auth/refresh"),
                "token_revoked");
        unauthorized(
                Api.loginResponse(account.email(), account.password(), Api.ip()),
                "invalid_credentials");
        Api.Session fresh =
                Api.login(new Api.Account(account.id(), account.email(), next, Api.ip()));
        assertThat(Mails.emailVerifiedClaim(fresh.accessToken())).isTrue();
        Api.bearer(fresh.accessToken())
                .get("/api/auth/me")
                .then()
                .body("email_verified", equalTo(true));

        problem(reset(token, Api.password()), 422, "action_token_invalid");
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswer() {
        Api.Account account = Api.register("same202");
        Response known = forgot(account.email(), Api.ip());
        Response unknown = forgot(Api.email("ghost"), Api.ip());
        known.then().statusCode(202);
        unknown.then().statusCode(202);
        assertThat(known.asString()).isEqualTo(unknown.asString());
        assertThat(known.contentType()).isEqualTo(unknown.contentType());
        problem(forgot("not an email", Api.ip()), 422, "validation_failed")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Api.Account account = Api.register("expired");
        forgot(account.email(), Api.ip()).then().statusCode(202);
        String token = resetToken(account.email(), 1);
        // The test ages the token in the database; the 30-minute TTL stays as configured.
        db.update(
                "UPDATE auth.forge_action_tokens SET expires_at = now() - interval '1 second'"
                        + " WHERE user_id = ? AND kind = 'reset'",
                UUID.fromString(account.id()));
        problem(reset(token, Api.password()), 422, "action_token_invalid");
        Api.login(account);
    }

    @Test
    void anEarlierTokenStopsWorkingWhenAnotherIsAskedFor() {
        Api.Account account = Api.register("again");
        forgot(account.email(), Api.ip()).then().statusCode(202);
        String first = resetToken(account.email(), 1);
        forgot(account.email(), Api.ip()).then().statusCode(202);
        String second = resetToken(account.email(), 2);
        problem(reset(first, Api.password()), 422, "action_token_invalid");
        reset(second, Api.password()).then().statusCode(204);
    }

    @Test
    void aPasswordThePolicyRefusesLeavesTheTokenUsable() {
        Api.Account account = Api.register("policy");
        forgot(account.email(), Api.ip()).then().statusCode(202);
        String token = resetToken(account.email(), 1);
        problem(reset(token, "short"), 422, "validation_failed")
                .body("errors.field", hasItem("new_password"));
        reset(token, Api.password()).then().statusCode(204);
    }

    @Test
    void ofTwoParallelUsesOfOneTokenOnlyOneWins() throws Exception {
        Api.Account account = Api.register("race");
        forgot(account.email(), Api.ip()).then().statusCode(202);
        String token = resetToken(account.email(), 1);
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String password = Api.password();
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return reset(token, password).statusCode();
                                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(204);
            assertThat(statuses.stream().filter(s -> s == 422)).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastThePerAddressLimitTheAnswerIsTheSameAndNoMailIsSent() {
        Api.Account account = Api.register("limit");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response r = forgot(account.email(), Api.ip());
            r.then().statusCode(202);
            bodies.add(r.asString());
        }
        assertThat(bodies).containsOnly(bodies.get(0));
        Mails.nth(account.email(), Mails.RESET, 3);
        Mails.noMoreThan(account.email(), Mails.RESET, 3, Duration.ofSeconds(4));
    }

    @Test
    void pastThePerIpLimitTheAnswerIsTheSameAndNoMailIsSent() {
        // The test profile allows 6 registrations (and so 6 reset requests) per IP.
        String ip = Api.ip();
        List<Api.Account> accounts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            accounts.add(Api.register("iplimit"));
        }
        for (Api.Account account : accounts) {
            forgot(account.email(), ip).then().statusCode(202);
        }
        for (int i = 0; i < 6; i++) {
            Mails.first(accounts.get(i).email(), Mails.RESET);
        }
        Mails.noMoreThan(accounts.get(6).email(), Mails.RESET, 0, Duration.ofSeconds(4));
    }
}
