package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Authenticator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two-step login with TOTP (contract 2.2): enrolment, the second step, replay, recovery codes. */
@QuarkusTest
class MfaTest {
    @Inject AuthDb db;

    static Response loginMfa(String mfaToken, String code) {
        return Api.from(Api.ip())
                .body(Map.of("mfa_token", mfaToken, "code", code))
                .post("/api/auth/login/mfa");
    }

    /** The right password of an account with TOTP on: the mfa_token, and nothing else. */
    static String firstStep(Api.Account account) {
        Response r = Api.loginResponse(account.email(), account.password(), account.ip());
        r.then()
                .statusCode(200)
                .body("mfa_required", equalTo(true))
                .body("expires_in", equalTo(300));
        assertThat(r.jsonPath().getMap("$").keySet())
                .containsExactlyInAnyOrder("mfa_required", "mfa_token", "expires_in");
        assertThat(r.getHeader("Set-Cookie")).isNull();
        return r.path("mfa_token");
    }

    static List<String> amr(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("amr");
    }

    @Test
    void enrolmentGivesASecretOnceAndAValidCodeTurnsItOn() throws Exception {
        Api.Session session = Api.registerAndLogin("mfa-enrol");
        assertThat(amr(session.accessToken())).containsExactly("pwd");
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .body("mfa_enabled", equalTo(false));
        Response first = Api.bearer(session.accessToken()).post("/api/auth/mfa/totp");
        first.then().statusCode(200).header("Cache-Control", "no-store");
        String secret = first.path("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) first.path("otpauth_uri"))
                .isEqualTo(
                        "otpauth://totp/PatriotForge:"
                                + session.account().email()
                                + "?secret="
                                + secret
                                + "&issuer=PatriotForge&algorithm=SHA1&digits=6&period=30");
        // A new enrolment replaces the unconfirmed one: the first secret's codes stop working.
        Response second = Api.bearer(session.accessToken()).post("/api/auth/mfa/totp");
        String replaced = second.path("secret");
        assertThat(replaced).isNotEqualTo(secret);
        problem(confirm(session, new Authenticator(secret).nextCode()), 422, "validation_failed");
        problem(confirm(session, "12345"), 422, "validation_failed");
        Authenticator app = new Authenticator(replaced);
        Response confirmed = confirm(session, app.nextCode());
        confirmed.then().statusCode(200);
        List<String> codes = confirmed.path("recovery_codes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(codes).allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .body("mfa_enabled", equalTo(true));
        problem(
                Api.bearer(session.accessToken()).post("/api/auth/mfa/totp"),
                409,
                "mfa_already_enabled");
        problem(confirm(session, app.nextCode()), 409, "mfa_already_enabled");
        // At rest the secret is AES-GCM sealed (nonce + 20 bytes + tag), never the plain bytes.
        assertThat(
                        db.count(
                                "SELECT count(*) FROM auth.forge_users WHERE id = ? AND"
                                        + " octet_length(totp_secret) = 48",
                                UUID.fromString(session.account().id())))
                .isEqualTo(1);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM auth.forge_recovery_codes WHERE user_id = ?"
                                        + " AND used_at IS NULL",
                                UUID.fromString(session.account().id())))
                .isEqualTo(10);
    }

    static Response confirm(Api.Session session, String code) {
        return Api.bearer(session.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/auth/mfa/totp/confirm");
    }

    @Test
    void theSecondStepTakesOneRightCodeOnceAndCarriesOtpThroughRefresh() throws Exception {
        Api.Session session = Api.registerAndLogin("mfa-login");
        Authenticator app = Authenticator.enrolAndConfirm(session.accessToken()).app();
        String mfaToken = firstStep(session.account());
        unauthorized(loginMfa(mfaToken, app.wrongCode()), "invalid_credentials");
        // A wrong code does not spend the token; the right one does.
        Response tokens = loginMfa(mfaToken, app.nextCode());
        tokens.then().statusCode(200).body("token_type", equalTo("Bearer"));
        assertThat(tokens.getHeader("Set-Cookie")).contains("forge_refresh=");
        assertThat(amr(tokens.path("access_token"))).containsExactly("pwd", "otp");
        unauthorized(loginMfa(mfaToken, app.unusedCode()), "token_invalid");
        // The code just accepted is refused in a new login: no replay within its step.
        unauthorized(loginMfa(firstStep(session.account()), app.lastCode()), "invalid_credentials");
        Response refreshed =
                Api.from(Api.ip())
                        .body(Map.of("refresh_token", tokens.path("refresh_token")))
                        .post("/api/auth/refresh");
        refreshed.then().statusCode(200);
        assertThat(amr(refreshed.path("access_token"))).containsExactly("pwd", "otp");
        unauthorized(loginMfa("x".repeat(43), app.unusedCode()), "token_invalid");
        unauthorized(loginMfa("short", "123456"), "token_invalid");
    }

    @Test
    void aRecoveryCodeWorksOnceInAnyCaseAndSpacing() {
        Api.Session session = Api.registerAndLogin("mfa-recovery");
        List<String> codes = Authenticator.enrolAndConfirm(session.accessToken()).recoveryCodes();
        String typed = codes.get(3).replace("-", " ").toUpperCase(Locale.ROOT);
        loginMfa(firstStep(session.account()), typed).then().statusCode(200);
        unauthorized(loginMfa(firstStep(session.account()), codes.get(3)), "invalid_credentials");
        loginMfa(firstStep(session.account()), codes.get(4)).then().statusCode(200);
    }

    @Test
    void wrongCodesLockTheAccountAndARightPasswordDoesNotResetTheCount() {
        Api.Session session = Api.registerAndLogin("mfa-lockout");
        Authenticator app = Authenticator.enrolAndConfirm(session.accessToken()).app();
        String token = firstStep(session.account());
        for (int i = 0; i < 3; i++) {
            unauthorized(loginMfa(token, app.wrongCode()), "invalid_credentials");
        }
        // The right password again: a new token, but the three failures still count.
        String again = firstStep(session.account());
        for (int i = 0; i < 2; i++) {
            unauthorized(loginMfa(again, app.wrongCode()), "invalid_credentials");
        }
        Response locked = loginMfa(again, app.unusedCode());
        problem(locked, 429, "too_many_attempts");
        assertThat(locked.getHeader("Retry-After")).isNotNull();
        problem(
                Api.loginResponse(
                        session.account().email(),
                        session.account().password(),
                        session.account().ip()),
                429,
                "too_many_attempts");
    }

    @Test
    void aPasswordChangeOrExpiryVoidsTheMfaToken() {
        Api.Session session = Api.registerAndLogin("mfa-void");
        Authenticator app = Authenticator.enrolAndConfirm(session.accessToken()).app();
        String pending = firstStep(session.account());
        String next = Api.password();
        Api.changePassword(session.accessToken(), session.account().password(), next)
                .then()
                .statusCode(204);
        unauthorized(loginMfa(pending, app.unusedCode()), "token_invalid");
        Api.Account changed =
                new Api.Account(
                        session.account().id(),
                        session.account().email(),
                        next,
                        session.account().ip());
        String aged = firstStep(changed);
        db.update(
                "UPDATE auth.forge_mfa_tokens SET expires_at = now() - interval '1 second'"
                        + " WHERE user_id = ? AND used_at IS NULL",
                UUID.fromString(changed.id()));
        unauthorized(loginMfa(aged, app.unusedCode()), "token_invalid");
    }
}
