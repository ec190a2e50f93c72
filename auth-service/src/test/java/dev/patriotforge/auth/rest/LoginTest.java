package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.patriotforge.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Test
    void loginAnswersTokensAndSetsTheRefreshCookie() {
        Api.Account account = Api.register("login");
        Response r = Api.loginResponse(account.email(), account.password(), account.ip());
        r.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_expires_in", equalTo(14 * 24 * 3600))
                .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .body("refresh_token", matchesPattern("[\\w-]{43}"));
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie)
                .startsWith("forge_refresh=" + r.path("refresh_token") + ";")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("Secure")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/api/auth");
    }

    @Test
    void loginIgnoresTheCaseAndSurroundingSpaceOfTheEmail() {
        Api.Account account = Api.register("case");
        Api.loginResponse(
                        " " + account.email().toUpperCase(java.util.Locale.ROOT) + " ",
                        account.password(),
                        account.ip())
                .then()
                .statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Api.Account account = Api.register("same");
        Response wrong = Api.loginResponse(account.email(), "Wrong-Password-123", Api.ip());
        Response unknown = Api.loginResponse(Api.email("nobody"), "Wrong-Password-123", Api.ip());
        unauthorized(wrong, "invalid_credentials");
        unauthorized(unknown, "invalid_credentials");
        assertThat(wrong.path("detail").toString()).isEqualTo(unknown.path("detail").toString());
        assertThat(wrong.path("title").toString()).isEqualTo(unknown.path("title").toString());
    }

    @Test
    void unknownEmailTakesAboutAsLongAsAWrongPassword() {
        Api.Account account = Api.register("timing");
        // Warm up both paths, then compare medians: both spend exactly one Argon2id hash.
        Api.loginResponse(Api.email("warm"), "Wrong-Password-123", Api.ip());
        long[] known = new long[5];
        long[] unknown = new long[5];
        for (int i = 0; i < known.length; i++) {
            known[i] = timed(account.email());
            unknown[i] = timed(Api.email("ghost"));
            // Keep the account below the lockout threshold.
            if (i % 3 == 2) {
                Api.login(account);
            }
        }
        Arrays.sort(known);
        Arrays.sort(unknown);
        double ratio = (double) unknown[2] / known[2];
        assertThat(ratio).isBetween(0.4, 2.5);
    }

    private static long timed(String email) {
        long start = System.nanoTime();
        Api.loginResponse(email, "Wrong-Password-123", Api.ip()).then().statusCode(401);
        return System.nanoTime() - start;
    }

    @Test
    void loginBodyMustHaveEmailAndPassword() {
        problem(
                        Api.from(Api.ip()).body(Map.of("email", "a@b.co")).post("/api/auth/login"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("password"));
        problem(
                Api.from(Api.ip()).body("not json").post("/api/auth/login"),
                400,
                "malformed_request");
        problem(
                Api.from(Api.ip())
                        .contentType(ContentType.URLENC)
                        .formParam("email", "a@b.co")
                        .post("/api/auth/login"),
                415,
                "unsupported_media_type");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockoutEnds()
            throws InterruptedException {
        Api.Account account = Api.register("lock");
        for (int i = 0; i < 5; i++) {
            unauthorized(
                    Api.loginResponse(account.email(), "Wrong-Password-" + i, Api.ip()),
                    "invalid_credentials");
        }
        problem(
                        Api.loginResponse(account.email(), account.password(), Api.ip()),
                        429,
                        "too_many_attempts")
                .header("Retry-After", matchesPattern("[1-9]|1[0-2]"));
        // The test profile locks for 12 seconds, counted from the last failure.
        Thread.sleep(12_200);
        Api.loginResponse(account.email(), account.password(), account.ip()).then().statusCode(200);
    }

    @Test
    void unknownEmailsLockLikeKnownOnesSoLockoutRevealsNothing() {
        String ghost = Api.email("ghost-lock");
        for (int i = 0; i < 5; i++) {
            Api.loginResponse(ghost, "Wrong-Password-" + i, Api.ip()).then().statusCode(401);
        }
        problem(Api.loginResponse(ghost, "Wrong-Password-x", Api.ip()), 429, "too_many_attempts");
    }

    @Test
    void aSuccessfulLoginResetsTheCountOfFailures() {
        Api.Account account = Api.register("reset");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                Api.loginResponse(account.email(), "Wrong-Password-" + i, Api.ip())
                        .then()
                        .statusCode(401);
            }
            Api.loginResponse(account.email(), account.password(), Api.ip()).then().statusCode(200);
        }
    }

    @Test
    void failedLoginsPerClientIpAreLimitedWithRetryAfter() {
        String ip = Api.ip();
        int limit =
                ConfigProvider.getConfig().getValue("forge.auth.ip.failed-logins", Integer.class);
        for (int i = 0; i < limit; i++) {
            // A different email each time, so no account lockout interferes.
            Api.loginResponse(Api.email("spray"), "Wrong-Password-1", ip).then().statusCode(401);
        }
        Api.Account account = Api.register("sprayed");
        problem(Api.loginResponse(account.email(), account.password(), ip), 429, "rate_limited")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        Api.loginResponse(account.email(), account.password(), Api.ip()).then().statusCode(200);
    }
}
