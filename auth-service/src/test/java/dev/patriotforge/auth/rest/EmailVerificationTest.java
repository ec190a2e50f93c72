package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Mails;
import dev.patriotforge.testsupport.mail.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration mails a verification link; its token confirms the address (real SMTP). */
@QuarkusTest
class EmailVerificationTest {

    private static Response verify(String token) {
        return Api.from(Api.ip()).body(Mails.tokenBody(token)).post("/api/auth/email/verify");
    }

    private static Response resend(String accessToken) {
        return Api.bearer(accessToken).post("/api/auth/email/verify/resend");
    }

    @Test
    void registrationMailsALinkWhoseTokenConfirmsTheAddress() {
        Api.Session session = Api.registerAndLogin("verify");
        String email = session.account().email();
        assertThat(Mails.emailVerifiedClaim(session.accessToken())).isFalse();
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("email_verified", equalTo(false));

        Mail mail = Mails.first(email, Mails.VERIFY);
        assertThat(mail.to()).isEqualTo(email);
        assertThat(mail.text()).contains(Mails.publicUrl() + "/verify-email?token=");
        String token = Mails.verifyToken(mail);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        verify(token)
                .then()
                .statusCode(200)
                .body("id", equalTo(session.account().id()))
                .body("email", equalTo(email))
                .body("email_verified", equalTo(true));
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("email_verified", equalTo(true));
        Api.Session fresh = Api.login(session.account());
        assertThat(Mails.emailVerifiedClaim(fresh.accessToken())).isTrue();
        String refreshed =
                Api.from(Api.ip())
                        .body(Map.of("refresh_token", session.refreshToken()))
                        .post("/api/auth/refresh")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token");
        assertThat(Mails.emailVerifiedClaim(refreshed)).isTrue();

        problem(verify(token), 422, "action_token_invalid");
    }

    @Test
    void resendVoidsTheEarlierTokenAndIsLimitedToThreeAnHour() {
        Api.Session session = Api.registerAndLogin("resend");
        String email = session.account().email();
        String registered = Mails.verifyToken(Mails.first(email, Mails.VERIFY));

        resend(session.accessToken())
                .then()
                .statusCode(202)
                .body("message", equalTo("A new confirmation link is on its way."));
        String second = Mails.verifyToken(Mails.nth(email, Mails.VERIFY, 2));
        assertThat(second).isNotEqualTo(registered);
        problem(verify(registered), 422, "action_token_invalid");

        resend(session.accessToken()).then().statusCode(202);
        resend(session.accessToken()).then().statusCode(202);
        Response fourth = resend(session.accessToken());
        problem(fourth, 429, "rate_limited");
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isBetween(1, 3600);

        String newest = Mails.verifyToken(Mails.nth(email, Mails.VERIFY, 4));
        Mails.noMoreThan(email, Mails.VERIFY, 4, Duration.ofSeconds(3));
        problem(verify(second), 422, "action_token_invalid");
        verify(newest).then().statusCode(200).body("email_verified", equalTo(true));
    }

    @Test
    void resendNeedsABearerToken() {
        problem(Api.from(Api.ip()).post("/api/auth/email/verify/resend"), 401, "unauthenticated");
    }

    @Test
    void badTokensAreRefusedAlike() {
        problem(verify("not-a-token"), 422, "action_token_invalid");
        problem(verify("A".repeat(43)), 422, "action_token_invalid");
        problem(verify("A".repeat(5000)), 422, "action_token_invalid");
        problem(
                        Api.from(Api.ip())
                                .body(Map.of("token", "A".repeat(43), "extra", 1))
                                .post("/api/auth/email/verify"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("extra"));
        problem(
                        Api.from(Api.ip()).body(Map.of()).post("/api/auth/email/verify"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("token"));
    }
}
