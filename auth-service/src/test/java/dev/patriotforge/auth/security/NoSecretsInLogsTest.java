package dev.patriotforge.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.auth.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record of the application while a user registers, fails and succeeds to log
 * in, refreshes, changes the password and logs out, then looks for the secrets in the log text.
 */
@QuarkusTest
class NoSecretsInLogsTest {

    @Inject UserRepository users;

    /** Collects the formatted text of every record, with parameters and stack traces. */
    static final class Capture extends Handler {
        private final List<String> lines = new ArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(formatter.formatMessage(record));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            lines.add(text.toString());
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void noPasswordHashOrTokenReachesTheLogs() {
        Logger root = Logger.getLogger("");
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
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
            // Reuse of a spent token is logged as an incident; the token itself must not be.
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
            Api.bearer(session.accessToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("current_password", account.password(), "new_password", next))
                    .post("/api/auth/password")
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
}
