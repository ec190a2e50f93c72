package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.Authenticator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Turning TOTP off: by the user with the current password, and by an admin. */
@QuarkusTest
class MfaOffTest {

    static Response disable(String accessToken, String password) {
        return Api.bearer(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", password))
                .delete("/api/auth/mfa/totp");
    }

    /** Logs in through both steps. */
    static Api.Session twoStep(Api.Account account, Authenticator app) {
        String token = MfaTest.firstStep(account);
        Response r = MfaTest.loginMfa(token, app.nextCode());
        r.then().statusCode(200);
        String access = r.path("access_token");
        return new Api.Session(account, access, r.path("refresh_token"), Api.sidOf(access));
    }

    @Test
    void theUserTurnsItOffWithTheCurrentPasswordAndOtherSessionsEnd() {
        Api.Session first = Api.registerAndLogin("mfa-off");
        Authenticator app = Authenticator.enrolAndConfirm(first.accessToken()).app();
        Api.Session kept = twoStep(first.account(), app);
        unauthorized(disable(kept.accessToken(), "not-the-password-1"), "invalid_credentials");
        problem(
                Api.bearer(kept.accessToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .delete("/api/auth/mfa/totp"),
                422,
                "validation_failed");
        disable(kept.accessToken(), first.account().password()).then().statusCode(204);
        Api.bearer(kept.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("mfa_enabled", equalTo(false));
        unauthorized(Api.bearer(first.accessToken()).get("/api/auth/me"), "token_revoked");
        // The password alone logs in again, with amr ["pwd"].
        Api.login(first.account());
        // A new enrolment starts from scratch: the old recovery codes are gone too.
        Api.bearer(kept.accessToken()).post("/api/auth/mfa/totp").then().statusCode(200);
    }

    @Test
    void anAdminTurnsAUsersTotpOffAndEndsItsSessions() {
        Api.Session user = Api.registerAndLogin("mfa-admin-reset");
        Authenticator app = Authenticator.enrolAndConfirm(user.accessToken()).app();
        Api.Session second = twoStep(user.account(), app);
        Api.Session admin = Api.newAdmin();
        String path = "/api/auth/users/" + user.account().id();
        Api.bearer(admin.accessToken()).get(path).then().body("mfa_enabled", equalTo(true));
        Api.bearer(admin.accessToken())
                .queryParam("email", user.account().email())
                .get("/api/auth/users")
                .then()
                .statusCode(200)
                .body("items.mfa_enabled", hasItem(true));
        problem(Api.bearer(second.accessToken()).delete(path + "/mfa"), 403, "forbidden");
        Api.bearer(admin.accessToken()).delete(path + "/mfa").then().statusCode(204);
        Api.bearer(admin.accessToken()).get(path).then().body("mfa_enabled", equalTo(false));
        unauthorized(Api.bearer(user.accessToken()).get("/api/auth/me"), "token_revoked");
        unauthorized(Api.bearer(second.accessToken()).get("/api/auth/me"), "token_revoked");
        Api.login(user.account());
        problem(
                Api.bearer(admin.accessToken())
                        .delete("/api/auth/users/00000000-0000-4000-8000-000000000000/mfa"),
                404,
                "not_found");
    }
}
