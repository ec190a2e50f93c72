package dev.patriotforge.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Authenticator;
import dev.patriotforge.testsupport.logs.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record while a user enrols TOTP, confirms it, logs in with a wrong code, a
 * right code and a recovery code, and turns it off; then looks for the TOTP secret, the codes, the
 * recovery codes and the mfa_tokens in the log text.
 */
@QuarkusTest
class NoMfaSecretsInLogsTest {

    private static Response loginMfa(String token, String code) {
        return Api.from(Api.ip())
                .body(Map.of("mfa_token", token, "code", code))
                .post("/api/auth/login/mfa");
    }

    private static String firstStep(Api.Account account) {
        return Api.loginResponse(account.email(), account.password(), account.ip())
                .then()
                .statusCode(200)
                .extract()
                .path("mfa_token");
    }

    @Test
    void noTotpSecretCodeOrMfaTokenReachesTheLogs() {
        Logger root = Logger.getLogger("");
        LogCapture capture = new LogCapture();
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            Api.Session session = Api.registerAndLogin("mfa-logs");
            Response enrol = Api.bearer(session.accessToken()).post("/api/auth/mfa/totp");
            String secret = enrol.path("secret");
            secrets.add(secret);
            secrets.add(secret.toLowerCase(Locale.ROOT));
            secrets.add(enrol.path("otpauth_uri"));
            Authenticator app = new Authenticator(secret);
            String confirmCode = app.nextCode();
            secrets.add(confirmCode);
            Response confirmed =
                    Api.bearer(session.accessToken())
                            .contentType(ContentType.JSON)
                            .body(Map.of("code", confirmCode))
                            .post("/api/auth/mfa/totp/confirm");
            List<String> recovery = confirmed.path("recovery_codes");
            secrets.addAll(recovery);
            recovery.forEach(c -> secrets.add(c.replace("-", "")));

            String token = firstStep(session.account());
            secrets.add(token);
            String wrong = app.wrongCode();
            loginMfa(token, wrong).then().statusCode(401);
            String right = app.nextCode();
            secrets.add(right);
            Response tokens = loginMfa(token, right);
            tokens.then().statusCode(200);
            secrets.add(tokens.path("access_token"));
            secrets.add(tokens.path("refresh_token"));
            String second = firstStep(session.account());
            secrets.add(second);
            loginMfa(second, recovery.get(0)).then().statusCode(200);
            loginMfa(firstStep(session.account()), recovery.get(0)).then().statusCode(401);
            Api.bearer(tokens.path("access_token"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("current_password", session.account().password()))
                    .delete("/api/auth/mfa/totp")
                    .then()
                    .statusCode(204);
        } finally {
            root.removeHandler(capture);
        }
        List<String> lines = capture.lines();
        assertThat(String.join("\n", lines))
                .contains("turned TOTP on", "Two-step login of user", "turned TOTP off");
        for (String line : lines) {
            for (String s : secrets) {
                assertThat(line).doesNotContain(s);
            }
        }
    }
}
