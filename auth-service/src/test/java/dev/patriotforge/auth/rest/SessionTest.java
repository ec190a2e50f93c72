package dev.patriotforge.auth.rest;

import static dev.patriotforge.auth.rest.Problems.problem;
import static dev.patriotforge.auth.rest.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {
    /** Access-token lifetime plus the clock skew verifiers allow. */
    private static final long MAX_MARK_MILLIS = (900 + 60) * 1000L;

    @Inject RedisInspector redis;

    private static Response refresh(String refreshToken) {
        return Api.from(Api.ip())
                .body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    private void assertRevoked(Api.Session session) {
        long ttl = redis.revocationMarkTtlMillis(session.sid());
        assertThat(ttl).as("revocation mark TTL of %s", session.sid()).isPositive();
        assertThat(ttl).isLessThanOrEqualTo(MAX_MARK_MILLIS);
        unauthorized(Api.bearer(session.accessToken()).get("/api/auth/me"), "token_revoked");
        unauthorized(refresh(session.refreshToken()), "token_revoked");
    }

    @Test
    void logoutRevokesTheSessionsAccessAndRefreshTokens() {
        Api.Session session = Api.registerAndLogin("logout");
        Api.Session other = Api.login(session.account());
        Response r = Api.bearer(session.accessToken()).post("/api/auth/logout");
        r.then().statusCode(204);
        assertThat(r.header("Set-Cookie")).startsWith("forge_refresh=;").contains("Max-Age=0");
        assertRevoked(session);
        assertThat(redis.isRevoked(other.sid())).isFalse();
        Api.bearer(other.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void logoutAllRevokesEverySessionOfTheCaller() {
        Api.Session a = Api.registerAndLogin("logout-all");
        Api.Session b = Api.login(a.account());
        Api.Session stranger = Api.registerAndLogin("bystander");
        Api.bearer(a.accessToken()).post("/api/auth/logout-all").then().statusCode(204);
        assertRevoked(a);
        assertRevoked(b);
        assertThat(redis.isRevoked(stranger.sid())).isFalse();
        Api.login(a.account());
    }

    @Test
    void logoutNeedsABearerToken() {
        unauthorized(
                io.restassured.RestAssured.given().post("/api/auth/logout"), "unauthenticated");
        unauthorized(
                io.restassured.RestAssured.given().post("/api/auth/logout-all"), "unauthenticated");
    }

    @Test
    void sessionsListsTheCallersLiveSessionsAndMarksTheCurrentOne() {
        Api.Session first = Api.registerAndLogin("list");
        Api.Session second = Api.login(first.account());
        Api.Session ended = Api.login(first.account());
        Api.bearer(ended.accessToken()).post("/api/auth/logout").then().statusCode(204);

        Response r =
                Api.bearer(second.accessToken())
                        .header("User-Agent", "ua-test")
                        .get("/api/auth/sessions");
        r.then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(second.sid()))
                .body("items[0].current", equalTo(true))
                .body("items[1].id", equalTo(first.sid()))
                .body("items[1].current", equalTo(false))
                .body("items[0].created_at", matchesPattern(".+Z"))
                .body("items[0].last_used_at", matchesPattern(".+Z"))
                .body("items[0].ip", equalTo(first.account().ip()));
        List<String> keys =
                r.jsonPath().getMap("items[0]").keySet().stream().map(String::valueOf).toList();
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "id", "created_at", "last_used_at", "user_agent", "ip", "current");
    }

    @Test
    void deletingOneOfTheCallersSessionsRevokesJustThatOne() {
        Api.Session keep = Api.registerAndLogin("del-session");
        Api.Session drop = Api.login(keep.account());
        Api.bearer(keep.accessToken())
                .delete("/api/auth/sessions/" + drop.sid())
                .then()
                .statusCode(204);
        assertRevoked(drop);
        Api.bearer(keep.accessToken()).get("/api/auth/me").then().statusCode(200);
        problem(
                Api.bearer(keep.accessToken()).delete("/api/auth/sessions/" + drop.sid()),
                404,
                "not_found");
    }

    @Test
    void someoneElsesSessionIsNotFound() {
        Api.Session mine = Api.registerAndLogin("mine");
        Api.Session theirs = Api.registerAndLogin("theirs");
        problem(
                Api.bearer(mine.accessToken()).delete("/api/auth/sessions/" + theirs.sid()),
                404,
                "not_found");
        problem(
                Api.bearer(mine.accessToken()).delete("/api/auth/sessions/" + UUID.randomUUID()),
                404,
                "not_found");
        problem(
                Api.bearer(mine.accessToken()).delete("/api/auth/sessions/not-a-uuid"),
                404,
                "not_found");
        assertThat(redis.isRevoked(theirs.sid())).isFalse();
        Api.bearer(theirs.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void sessionsNeedABearerToken() {
        unauthorized(
                io.restassured.RestAssured.given().get("/api/auth/sessions"), "unauthenticated");
    }
}
