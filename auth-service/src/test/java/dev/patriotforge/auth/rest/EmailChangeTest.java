package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Mails;
import dev.patriotforge.testsupport.mail.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing the email: confirm at the new address, notice at the old one (real SMTP). */
@QuarkusTest
class EmailChangeTest {

    private static Response change(Api.Session session, String newEmail, String password) {
        return Api.bearer(session.accessToken())
                .contentType("application/json")
                .body(Map.of("new_email", newEmail, "current_password", password))
                .post("/api/auth/me/email");
    }

    private static Response verify(String token) {
        return Api.from(Api.ip()).body(Mails.tokenBody(token)).post("/api/auth/email/verify");
    }

    @Test
    void theChangeHappensOnConfirmationAndTheOldAddressIsTold() {
        Api.Session session = Api.registerAndLogin("change");
        String old = session.account().email();
        String next = Api.email("changed");
        change(
                        session,
                        " " + next.toUpperCase(java.util.Locale.ROOT) + " ",
                        session.account().password())
                .then()
                .statusCode(202);

        Mail notice = Mails.first(old, Mails.CHANGE_NOTICE);
        assertThat(notice.text()).contains(next).doesNotContain("token=");
        Mail confirm = Mails.first(next, Mails.CHANGE_CONFIRM);
        String token = Mails.verifyToken(confirm);
        // Not changed yet.
        Api.bearer(session.accessToken()).get("/api/auth/me").then().body("email", equalTo(old));

        verify(token)
                .then()
                .statusCode(200)
                .body("email", equalTo(next))
                .body("email_verified", equalTo(true));
        // Sessions stay; the old address no longer logs in, the new one does.
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(next));
        unauthorized(
                Api.loginResponse(old, session.account().password(), Api.ip()),
                "invalid_credentials");
        Api.loginResponse(next, session.account().password(), Api.ip()).then().statusCode(200);
        problem(verify(token), 422, "action_token_invalid");
        // The old address is free again.
        Api.from(Api.ip())
                .body(Map.of("email", old, "password", Api.password(), "display_name", "Again"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
    }

    @Test
    void anAddressTakenMeanwhileIsADuplicateAtConfirmation() {
        Api.Session session = Api.registerAndLogin("race-change");
        String wanted = Api.email("wanted");
        change(session, wanted, session.account().password()).then().statusCode(202);
        String token = Mails.verifyToken(Mails.first(wanted, Mails.CHANGE_CONFIRM));
        Api.from(Api.ip())
                .body(Map.of("email", wanted, "password", Api.password(), "display_name", "Q"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        problem(verify(token), 409, "duplicate_email");
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .body("email", equalTo(session.account().email()));
    }

    @Test
    void aWrongPasswordATakenAddressOrTheSameAddressIsRefused() {
        Api.Session session = Api.registerAndLogin("refused-change");
        Api.Account other = Api.register("taken");
        unauthorized(change(session, Api.email("x"), "Wrong-Password-1"), "invalid_credentials");
        problem(
                change(session, other.email(), session.account().password()),
                409,
                "duplicate_email");
        problem(
                change(session, session.account().email(), session.account().password()),
                422,
                "validation_failed");
        problem(change(session, "nope", session.account().password()), 422, "validation_failed");
        problem(
                Api.bearer(session.accessToken())
                        .contentType("application/json")
                        .body(
                                Map.of(
                                        "new_email",
                                        Api.email("y"),
                                        "current_password",
                                        "x",
                                        "role",
                                        "admin"))
                        .post("/api/auth/me/email"),
                422,
                "validation_failed");
    }
}
