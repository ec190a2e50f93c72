package dev.patriotforge.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Mails;
import dev.patriotforge.testsupport.logs.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record of the application while a user registers, fails and succeeds to log
 * in, refreshes, changes the password and logs out, then looks for the secrets in the log text.
 */
@QuarkusTest
class NoSecretsInLogsTest {

    @Inject UserRepository users;

    @Test
    void noPasswordHashOrTokenReachesTheLogs() {
        Logger root = Logger.getLogger("");
        LogCapture capture = new LogCapture();
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            Api.Account account = Api.register("logs");
            secrets.add(account.password());
            String wrong = "Wrong-Secret-" + System.nanoTime();
            secrets.add(wrong);
            Api.loginResponse(account.email(), wrong, Api.ip()).then().statusCode(401);

            Response login = Api.loginResponse(account.email(), account.password(), account.ip());
            secrets.add(login.path("access_token"));
            secrets.add(login.path("refresh_token"));
            Response refreshed =
                    Api.from(Api.ip())
                            .body(Map.of("refresh_token", login.<String>path("refresh_token")))
                            .post("/api/auth/refresh");
            String access = refreshed.path("access_token");
            secrets.add(access);
            secrets.add(refreshed.path("refresh_token"));
            // The previous token again, within the refresh grace: a fresh pair, not logged.
            Response grace =
                    Api.from(Api.ip())
                            .body(Map.of("refresh_token", login.<String>path("refresh_token")))
                            .post("/api/auth/refresh");
            secrets.add(grace.path("access_token"));
            secrets.add(grace.path("refresh_token"));
            Response third =
                    Api.from(Api.ip())
                            .body(Map.of("refresh_token", refreshed.<String>path("refresh_token")))
                            .post("/api/auth/refresh");
            secrets.add(third.path("refresh_token"));
            // Reuse of an older spent token is logged as an incident; the token itself must not be.
            Api.from(Api.ip())
                    .body(Map.of("refresh_token", login.<String>path("refresh_token")))
                    .post("/api/auth/refresh")
                    .then()
                    .statusCode(401);

            Api.Session session = Api.login(account);
            secrets.add(session.accessToken());
            secrets.add(session.refreshToken());
            String next = Api.password();
            secrets.add(next);
            Api.changePassword(session.accessToken(), account.password(), next)
                    .then()
                    .statusCode(204);
            Api.bearer(session.accessToken() + "x").get("/api/auth/me").then().statusCode(401);

            String hash =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () ->
                                            users.findLiveByEmail(account.email())
                                                    .orElseThrow()
                                                    .passwordHash);
            secrets.add(hash);
            // The salt and digest parts of the PHC string, on their own.
            String[] phc = hash.split("\\$", -1);
            secrets.add(phc[phc.length - 1]);
            secrets.add(phc[phc.length - 2]);
        } finally {
            root.removeHandler(capture);
        }

        List<String> lines = capture.lines();
        assertThat(lines).as("the capture saw the application's own log lines").isNotEmpty();
        assertThat(String.join("\n", lines)).contains("Revoked", "Registered user");
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    /**
     * Verification, reset and email-change tokens (taken from the real mails) appear in no log
     * line, nor does the new password of a reset; the dispatcher's own lines are captured too.
     */
    @Test
    void noMailedTokenReachesTheLogs() {
        Logger root = Logger.getLogger("");
        LogCapture capture = new LogCapture();
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            Api.Session session = Api.registerAndLogin("mail-logs");
            String email = session.account().email();
            String verify = Mails.verifyToken(Mails.first(email, Mails.VERIFY));
            secrets.add(verify);
            Api.from(Api.ip())
                    .body(Mails.tokenBody(verify))
                    .post("/api/auth/email/verify")
                    .then()
                    .statusCode(200);

            String next = Api.email("mail-logs-new");
            Api.bearer(session.accessToken())
                    .contentType("application/json")
                    .body(
                            Map.of(
                                    "new_email",
                                    next,
                                    "current_password",
                                    session.account().password()))
                    .post("/api/auth/me/email")
                    .then()
                    .statusCode(202);
            String change = Mails.verifyToken(Mails.first(next, Mails.CHANGE_CONFIRM));
            secrets.add(change);
            Mails.first(email, Mails.CHANGE_NOTICE);
            Api.from(Api.ip())
                    .body(Mails.tokenBody(change))
                    .post("/api/auth/email/verify")
                    .then()
                    .statusCode(200);

            Api.from(Api.ip())
                    .body(Map.of("email", next))
                    .post("/api/auth/password/forgot")
                    .then()
                    .statusCode(202);
            String reset = Mails.resetToken(Mails.first(next, Mails.RESET));
            secrets.add(reset);
            String password = Api.password();
            secrets.add(password);
            Api.from(Api.ip())
                    .body(Map.of("token", reset, "new_password", password))
                    .post("/api/auth/password/reset")
                    .then()
                    .statusCode(204);
            // A spent token presented again is refused; it must not be logged either.
            Api.from(Api.ip())
                    .body(Map.of("token", reset, "new_password", Api.password()))
                    .post("/api/auth/password/reset")
                    .then()
                    .statusCode(422);
        } finally {
            root.removeHandler(capture);
        }
        List<String> lines = capture.lines();
        assertThat(String.join("\n", lines)).contains("Sent mail", "reset their password");
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }
}
