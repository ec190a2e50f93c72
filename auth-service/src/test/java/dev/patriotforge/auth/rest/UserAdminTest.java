package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.nimbusds.jwt.SignedJWT;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest {

    @Inject RedisInspector redis;

    @Test
    void theBootstrapAdminCanLogInAsAdmin() throws Exception {
        Api.Session admin = Api.login(Api.bootstrapAdmin());
        assertThat(
                        SignedJWT.parse(admin.accessToken())
                                .getJWTClaimsSet()
                                .getStringListClaim("groups"))
                .containsExactly("admin");
    }

    @Test
    void adminsListUsersNewestFirstInStablePages() {
        Api.Session admin = Api.newAdmin();
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        List<Api.Account> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Api.register(tag));
        }
        Response first =
                Api.bearer(admin.accessToken()).queryParam("limit", 2).get("/api/auth/users");
        first.then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("next_cursor", notNullValue())
                .body("items[0].id", equalTo(created.get(2).id()))
                .body("items[1].id", equalTo(created.get(1).id()));
        // A user registered now sorts before the cursor: the next page neither repeats nor skips.
        Api.register(tag);
        Api.bearer(admin.accessToken())
                .queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("next_cursor"))
                .get("/api/auth/users")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(created.get(0).id()));
    }

    @Test
    void adminsFilterUsersByExactEmailAndByRole() {
        Api.Session admin = Api.newAdmin();
        Api.Account someone = Api.register("filter");
        Api.bearer(admin.accessToken())
                .queryParam("email", someone.email().toUpperCase(java.util.Locale.ROOT))
                .get("/api/auth/users")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(someone.id()))
                .body("next_cursor", nullValue());
        Api.bearer(admin.accessToken())
                .queryParam("role", "admin")
                .queryParam("limit", 100)
                .get("/api/auth/users")
                .then()
                .statusCode(200)
                .body("items.role", everyItem(equalTo("admin")))
                .body("items.id", hasItem(admin.account().id()));
    }

    @Test
    void badListParametersAreValidationFailures() {
        Api.Session admin = Api.newAdmin();
        for (Object[] bad :
                new Object[][] {
                    {"limit", "0"},
                    {"limit", "101"},
                    {"limit", "ten"},
                    {"role", "root"},
                    {"cursor", "not-a-cursor"}
                }) {
            problem(
                            Api.bearer(admin.accessToken())
                                    .queryParam((String) bad[0], bad[1])
                                    .get("/api/auth/users"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void customersAndStaffMayNotAdministerUsers() {
        Api.Session customer = Api.registerAndLogin("nosy");
        problem(Api.bearer(customer.accessToken()).get("/api/auth/users"), 403, "forbidden");
        problem(
                Api.bearer(customer.accessToken())
                        .get("/api/auth/users/" + customer.account().id()),
                403,
                "forbidden");
        problem(
                Api.bearer(customer.accessToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "admin"))
                        .patch("/api/auth/users/" + customer.account().id()),
                403,
                "forbidden");
        problem(
                Api.bearer(customer.accessToken())
                        .delete("/api/auth/users/" + customer.account().id()),
                403,
                "forbidden");
        unauthorized(RestAssured.given().get("/api/auth/users"), "unauthenticated");
    }

    @Test
    void adminsReadOneUserAndUnknownOnesAreNotFound() {
        Api.Session admin = Api.newAdmin();
        Api.Account someone = Api.register("read");
        Api.bearer(admin.accessToken())
                .get("/api/auth/users/" + someone.id())
                .then()
                .statusCode(200)
                .body("email", equalTo(someone.email()))
                .body("role", equalTo("customer"));
        problem(
                Api.bearer(admin.accessToken()).get("/api/auth/users/" + UUID.randomUUID()),
                404,
                "not_found");
        problem(Api.bearer(admin.accessToken()).get("/api/auth/users/nope"), 404, "not_found");
    }

    @Test
    void changingARoleRevokesTheUsersTokensAndTheNextLoginCarriesTheNewRole() throws Exception {
        Api.Session admin = Api.newAdmin();
        Api.Session user = Api.registerAndLogin("promote");
        Api.bearer(admin.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "staff"))
                .patch("/api/auth/users/" + user.account().id())
                .then()
                .statusCode(200)
                .body("role", equalTo("staff"));
        assertThat(redis.isRevoked(user.sid())).isTrue();
        unauthorized(Api.bearer(user.accessToken()).get("/api/auth/me"), "token_revoked");
        Api.Session again = Api.login(user.account());
        assertThat(
                        SignedJWT.parse(again.accessToken())
                                .getJWTClaimsSet()
                                .getStringListClaim("groups"))
                .containsExactly("staff");
    }

    @Test
    void changingARoleValidatesTheRoleAndTheUser() {
        Api.Session admin = Api.newAdmin();
        Api.Account someone = Api.register("role-bad");
        problem(
                        Api.bearer(admin.accessToken())
                                .contentType(ContentType.JSON)
                                .body(Map.of("role", "overlord"))
                                .patch("/api/auth/users/" + someone.id()),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("role"));
        problem(
                        Api.bearer(admin.accessToken())
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .patch("/api/auth/users/" + someone.id()),
                        422,
                        "validation_failed")
                .body("errors.field", hasItem("role"));
        problem(
                Api.bearer(admin.accessToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "staff"))
                        .patch("/api/auth/users/" + UUID.randomUUID()),
                404,
                "not_found");
        problem(
                Api.bearer(admin.accessToken())
                        .contentType(ContentType.JSON)
                        .body("{\"role\": ")
                        .patch("/api/auth/users/" + someone.id()),
                400,
                "malformed_request");
        problem(
                Api.bearer(admin.accessToken())
                        .contentType(ContentType.TEXT)
                        .body("staff")
                        .patch("/api/auth/users/" + someone.id()),
                415,
                "unsupported_media_type");
    }

    @Test
    void deletingAUserRevokesTheirSessionsHidesThemAndFreesTheEmail() {
        Api.Session admin = Api.newAdmin();
        Api.Session user = Api.registerAndLogin("delete-me");
        Api.bearer(admin.accessToken())
                .delete("/api/auth/users/" + user.account().id())
                .then()
                .statusCode(204);
        assertThat(redis.isRevoked(user.sid())).isTrue();
        unauthorized(Api.bearer(user.accessToken()).get("/api/auth/me"), "token_revoked");
        problem(
                Api.bearer(admin.accessToken()).get("/api/auth/users/" + user.account().id()),
                404,
                "not_found");
        problem(
                Api.bearer(admin.accessToken()).delete("/api/auth/users/" + user.account().id()),
                404,
                "not_found");
        unauthorized(
                Api.loginResponse(user.account().email(), user.account().password(), Api.ip()),
                "invalid_credentials");
        Api.from(Api.ip())
                .body(
                        Map.of(
                                "email", user.account().email(),
                                "password", Api.password(),
                                "display_name", "Again"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        Api.bearer(admin.accessToken())
                .queryParam("email", user.account().email())
                .get("/api/auth/users")
                .then()
                .body("items", hasSize(1))
                .body("items[0].display_name", equalTo("Again"));
    }
}
