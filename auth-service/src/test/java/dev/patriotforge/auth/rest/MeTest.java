package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeTest {

    @Inject RedisInspector redis;

    @Test
    void meShowsTheCallersAccount() {
        Api.Session session = Api.registerAndLogin("me");
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(session.account().id()))
                .body("email", equalTo(session.account().email()))
                .body("display_name", equalTo("Test me"))
                .body("role", equalTo("customer"));
    }

    @Test
    void patchingMeChangesTheTrimmedDisplayName() {
        Api.Session session = Api.registerAndLogin("rename");
        String created =
                Api.bearer(session.accessToken())
                        .get("/api/auth/me")
                        .then()
                        .extract()
                        .path("updated_at");
        Api.bearer(session.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("display_name", "  New Name  "))
                .patch("/api/auth/me")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("New Name"))
                .body("updated_at", not(equalTo(created)));
        Api.bearer(session.accessToken())
                .get("/api/auth/me")
                .then()
                .body("display_name", equalTo("New Name"));
    }

    @Test
    void patchingMeValidatesTheDisplayName() {
        Api.Session session = Api.registerAndLogin("rename-bad");
        for (Object bad : new Object[] {"   ", "x".repeat(101), 7}) {
            problem(
                            Api.bearer(session.accessToken())
                                    .contentType(ContentType.JSON)
                                    .body(Map.of("display_name", bad))
                                    .patch("/api/auth/me"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem("display_name"));
        }
        problem(
                        Api.bearer(session.accessToken())
                                .contentType(ContentType.JSON)
                                .body(Map.of("display_name", "Ok", "email", "x@y.zz"))
                                .patch("/api/auth/me"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("email"));
        problem(
                Api.bearer(session.accessToken())
                        .contentType(ContentType.TEXT)
                        .body("display_name=x")
                        .patch("/api/auth/me"),
                415,
                "unsupported_media_type");
    }

    @Test
    void meNeedsABearerToken() {
        unauthorized(RestAssured.given().get("/api/auth/me"), "unauthenticated");
        unauthorized(
                RestAssured.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("display_name", "x"))
                        .patch("/api/auth/me"),
                "unauthenticated");
    }

    @Test
    void changingThePasswordRevokesEverySessionAndTheNewPasswordWorks() {
        Api.Session a = Api.registerAndLogin("pw");
        Api.Session b = Api.login(a.account());
        String next = Api.password();
        Api.bearer(a.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", a.account().password(), "new_password", next))
                .post("/api/auth/password")
                .then()
                .statusCode(204);
        for (Api.Session s : new Api.Session[] {a, b}) {
            assertThat(redis.isRevoked(s.sid())).isTrue();
            unauthorized(Api.bearer(s.accessToken()).get("/api/auth/me"), "token_revoked");
        }
        unauthorized(
                Api.loginResponse(a.account().email(), a.account().password(), Api.ip()),
                "invalid_credentials");
        Api.loginResponse(a.account().email(), next, Api.ip()).then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordIsInvalidCredentialsAndChangesNothing() {
        Api.Session session = Api.registerAndLogin("pw-wrong");
        unauthorized(
                Api.bearer(session.accessToken())
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "current_password",
                                        "Not-The-Password-1",
                                        "new_password",
                                        Api.password()))
                        .post("/api/auth/password"),
                "invalid_credentials");
        assertThat(redis.isRevoked(session.sid())).isFalse();
        Api.bearer(session.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aWeakNewPasswordIsRejectedNamingNewPassword() {
        Api.Session session = Api.registerAndLogin("pw-weak");
        problem(
                        Api.bearer(session.accessToken())
                                .contentType(ContentType.JSON)
                                .body(
                                        Map.of(
                                                "current_password",
                                                session.account().password(),
                                                "new_password",
                                                "Password2024!"))
                                .post("/api/auth/password"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("new_password"));
        problem(
                        Api.bearer(session.accessToken())
                                .contentType(ContentType.JSON)
                                .body(Map.of("current_password", session.account().password()))
                                .post("/api/auth/password"),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("new_password"));
    }

    @Test
    void changingThePasswordNeedsABearerToken() {
        unauthorized(
                RestAssured.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("current_password", "a", "new_password", "b"))
                        .post("/api/auth/password"),
                "unauthenticated");
    }
}
