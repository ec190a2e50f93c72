package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
                .body("items[0].ip", equalTo(first.account().ip()))
                .body("next_cursor", nullValue());
        List<String> keys =
                r.jsonPath().getMap("items[0]").keySet().stream().map(String::valueOf).toList();
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "id", "created_at", "last_used_at", "user_agent", "ip", "current");
    }

    private static Response page(Api.Session caller, Integer limit, String cursor) {
        var request = Api.bearer(caller.accessToken());
        if (limit != null) {
            request = request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get("/api/auth/sessions");
    }

    @Test
    void sessionsComeInKeysetPagesNewestFirstWithoutRepeatsWhileNewOnesArrive() {
        Api.Account account = Api.register("pages");
        List<Api.Session> logins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            logins.add(Api.login(account));
        }
        Api.Session caller = logins.get(4);
        Response first = page(caller, 2, null);
        first.then().statusCode(200).body("items", hasSize(2)).body("next_cursor", notNullValue());
        assertThat(first.jsonPath().getList("items.id", String.class))
                .containsExactly(logins.get(4).sid(), logins.get(3).sid());
        // A login now sorts before the cursor: the next pages neither repeat nor skip.
        Api.Session later = Api.login(account);
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.id", String.class));
        String cursor = first.path("next_cursor");
        int pages = 1;
        while (cursor != null) {
            Response next = page(caller, 2, cursor);
            next.then().statusCode(200);
            seen.addAll(next.jsonPath().getList("items.id", String.class));
            cursor = next.path("next_cursor");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactly(
                        logins.get(4).sid(),
                        logins.get(3).sid(),
                        logins.get(2).sid(),
                        logins.get(1).sid(),
                        logins.get(0).sid());
        // The default page holds all six, the newest first.
        page(caller, null, null)
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("items[0].id", equalTo(later.sid()))
                .body("next_cursor", nullValue());
        page(caller, 100, null).then().statusCode(200).body("items", hasSize(6));
        // An empty cursor is no cursor, as in quote-service: the first page.
        page(caller, 1, "").then().statusCode(200).body("items[0].id", equalTo(later.sid()));
    }

    @Test
    void badSessionListParametersAreValidationFailures() {
        Api.Session caller = Api.registerAndLogin("bad-pages");
        for (String[] bad :
                new String[][] {
                    {"limit", "0"},
                    {"limit", "101"},
                    {"limit", "-1"},
                    {"limit", "ten"},
                    {"limit", "99999999999"},
                    {"cursor", "not-a-cursor"}
                }) {
            problem(
                            Api.bearer(caller.accessToken())
                                    .queryParam(bad[0], bad[1])
                                    .get("/api/auth/sessions"),
                            422,
                            "validation_failed")
                    .body("errors.field", hasItem(bad[0]));
        }
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
