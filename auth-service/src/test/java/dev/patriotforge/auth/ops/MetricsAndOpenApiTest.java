package dev.patriotforge.auth.ops;

import static dev.patriotforge.auth.ops.Counters.LOCKOUTS;
import static dev.patriotforge.auth.ops.Counters.LOGINS;
import static dev.patriotforge.auth.ops.Counters.MAILS_SENT;
import static dev.patriotforge.auth.ops.Counters.OUTBOX_OLDEST_AGE;
import static dev.patriotforge.auth.ops.Counters.REFRESHES;
import static dev.patriotforge.auth.ops.Counters.REVOCATIONS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.Mails;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsAndOpenApiTest {
    @Inject AuthDb db;

    @Test
    void loginsRefreshesRevocationsAndLockoutsAreCounted() {
        int maxFailures =
                ConfigProvider.getConfig()
                        .getValue("forge.auth.lockout.max-failures", Integer.class);
        Counters before = Counters.read();

        Api.Session session = Api.registerAndLogin("metrics");
        String refreshed =
                Api.from(Api.ip())
                        .body(Map.of("refresh_token", session.refreshToken()))
                        .post("/api/auth/refresh")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token");
        Api.bearer(refreshed).post("/api/auth/logout").then().statusCode(204);
        // Enough wrong passwords, each from its own address, to lock the account once.
        for (int i = 0; i < maxFailures; i++) {
            Api.loginResponse(session.account().email(), "Wrong-Password-" + i, Api.ip())
                    .then()
                    .statusCode(401);
        }
        Api.loginResponse(session.account().email(), session.account().password(), Api.ip())
                .then()
                .statusCode(429);

        Counters after = Counters.read();
        assertThat(after.delta(before, LOGINS, "outcome=\"success\"")).isEqualTo(1);
        assertThat(after.delta(before, LOGINS, "outcome=\"invalid_credentials\""))
                .isEqualTo(maxFailures);
        assertThat(after.delta(before, LOGINS, "outcome=\"locked\"")).isEqualTo(1);
        assertThat(after.delta(before, REFRESHES, "outcome=\"success\"")).isEqualTo(1);
        assertThat(after.delta(before, REVOCATIONS, "reason=\"logout\"")).isEqualTo(1);
        assertThat(after.delta(before, LOCKOUTS, "")).isEqualTo(1);
        assertThat(after.text()).contains("forge_auth_password_hash_seconds");
    }

    @Test
    void mailsSentAreCountedAndTheOutboxBacklogIsAGauge() throws InterruptedException {
        // Mails of earlier tests may still be on their way; the delta below is exact only once
        // no other verification mail can be sent within this test.
        for (int i = 0; i < 150 && verificationMailsDueSoon() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(verificationMailsDueSoon()).isZero();
        Counters before = Counters.read();
        Api.Account account = Api.register("mail-metrics");
        Mails.first(account.email(), Mails.VERIFY);
        // The counter follows the SMTP server's acceptance by a moment (the sent mark commits).
        Counters after = Counters.read();
        for (int i = 0; i < 50 && after.delta(before, MAILS_SENT, "verify_email") < 1; i++) {
            Thread.sleep(100);
            after = Counters.read();
        }
        assertThat(after.delta(before, MAILS_SENT, "kind=\"verify_email\"")).isEqualTo(1);
        assertThat(after.text()).contains(OUTBOX_OLDEST_AGE);
    }

    /** Verification mails not sent yet that the dispatcher would try within the next minute. */
    private long verificationMailsDueSoon() {
        return db.count(
                "SELECT count(*) FROM auth.forge_mail_outbox WHERE kind = 'verify_email' AND"
                        + " sent_at IS NULL AND failed_at IS NULL AND next_attempt_at < now() +"
                        + " interval '1 minute'");
    }

    @Test
    void openApiDocumentsEveryEndpointWithItsErrorCodes() {
        ValidatableResponse doc =
                given().accept("application/json").get("/q/openapi").then().statusCode(200);
        String[][] expected = {
            {"/api/auth/register", "post", "201", "409", "422", "429"},
            {"/api/auth/login", "post", "200", "401", "422", "429"},
            {"/api/auth/refresh", "post", "200", "401"},
            {"/api/auth/logout", "post", "204", "401"},
            {"/api/auth/logout-all", "post", "204", "401"},
            {"/api/auth/me", "get", "200", "401"},
            {"/api/auth/me", "patch", "200", "401", "422"},
            {"/api/auth/password", "post", "204", "401", "422"},
            {"/api/auth/sessions", "get", "200", "401"},
            {"/api/auth/sessions/{id}", "delete", "204", "401", "404"},
            {"/api/auth/users", "get", "200", "401", "403", "422"},
            {"/api/auth/users/{id}", "get", "200", "401", "403", "404"},
            {"/api/auth/users/{id}", "patch", "200", "401", "403", "404", "422"},
            {"/api/auth/users/{id}", "delete", "204", "401", "403", "404"},
            {"/api/auth/.well-known/jwks.json", "get", "200"},
            {"/api/auth/.well-known/openid-configuration", "get", "200"},
            {"/api/auth/email/verify", "post", "200", "409", "422"},
            {"/api/auth/email/verify/resend", "post", "202", "401", "429"},
            {"/api/auth/password/forgot", "post", "202", "422"},
            {"/api/auth/password/reset", "post", "204", "422"},
            {"/api/auth/me/email", "post", "202", "401", "409", "422", "429"},
            {"/api/auth/mfa/totp", "post", "200", "401", "409"},
            {"/api/auth/mfa/totp/confirm", "post", "200", "401", "409", "422"},
            {"/api/auth/mfa/totp", "delete", "204", "401", "422", "429"},
            {"/api/auth/login/mfa", "post", "200", "401", "422", "429"},
            {"/api/auth/users/{id}/mfa", "delete", "204", "401", "403", "404"},
        };
        for (String[] op : expected) {
            String base = "paths.'" + op[0] + "'." + op[1];
            doc.body(base, notNullValue());
            for (int i = 2; i < op.length; i++) {
                doc.body(base + ".responses", hasKey(op[i]));
            }
        }
        doc.body("components.schemas", hasKey("Problem"));
        // The second step of a login: /login answers tokens or the MFA challenge.
        doc.body(
                "paths.'/api/auth/login'.post.responses.'200'.content.'application/json'.schema"
                        + ".oneOf.'$ref'",
                hasItems("#/components/schemas/Tokens", "#/components/schemas/MfaChallenge"));
        doc.body(
                "components.schemas",
                allOf(hasKey("MfaChallenge"), hasKey("TotpEnrolment"), hasKey("RecoveryCodes")));
        // Every error response is a problem document (service-common's OpenAPI filter adds it).
        for (String[] op : expected) {
            for (int i = 2; i < op.length; i++) {
                if (op[i].startsWith("4") || op[i].startsWith("5")) {
                    doc.body(
                            "paths.'"
                                    + op[0]
                                    + "'."
                                    + op[1]
                                    + ".responses.'"
                                    + op[i]
                                    + "'.content.'application/problem+json'.schema.'$ref'",
                            equalTo("#/components/schemas/Problem"));
                }
            }
        }
        // 403 mfa_required (service-common's filter): on bearer operations outside /me, /mfa/*,
        // /logout and /sessions, never on those nor on operations without a bearer token.
        for (String bearer :
                new String[] {
                    "'/api/auth/logout-all'.post",
                    "'/api/auth/password'.post",
                    "'/api/auth/email/verify/resend'.post",
                    "'/api/auth/me/email'.post",
                    "'/api/auth/users'.get",
                    "'/api/auth/users/{id}/mfa'.delete"
                }) {
            doc.body(
                    "paths." + bearer + ".responses.'403'.description",
                    containsString("mfa_required"));
        }
        for (String exempt :
                new String[] {
                    "'/api/auth/me'.get",
                    "'/api/auth/logout'.post",
                    "'/api/auth/sessions'.get",
                    "'/api/auth/sessions/{id}'.delete",
                    "'/api/auth/mfa/totp'.post",
                    "'/api/auth/mfa/totp/confirm'.post",
                    "'/api/auth/login'.post",
                    "'/api/auth/login/mfa'.post",
                    "'/api/auth/refresh'.post"
                }) {
            doc.body(
                    "paths." + exempt + ".responses.'403'.description",
                    anyOf(nullValue(), not(containsString("mfa_required"))));
        }
        // Secrets are documented as plain strings, never as objects.
        doc.body("components.schemas.Secret.type", equalTo("string"));
        doc.body("components.schemas.Secret.format", equalTo("password"));
    }
}
