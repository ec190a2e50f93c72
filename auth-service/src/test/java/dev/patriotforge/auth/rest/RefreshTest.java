package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.problem;
import static dev.patriotforge.testsupport.Problems.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.patriotforge.auth.domain.RefreshTokenRepository;
import dev.patriotforge.auth.service.TokenService;
import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTest {

    @Inject RedisInspector redis;
    @Inject RefreshTokenRepository refreshTokens;

    private static Response refresh(String refreshToken) {
        return Api.from(Api.ip())
                .body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    @Test
    void refreshRotatesTheTokenAndKeepsTheSession() {
        Api.Session session = Api.registerAndLogin("rotate");
        Response first = refresh(session.refreshToken());
        first.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900));
        String next = first.path("refresh_token");
        String access = first.path("access_token");
        assertThat(next).isNotEqualTo(session.refreshToken());
        assertThat(Api.sidOf(access)).isEqualTo(session.sid());
        assertThat(first.header("Set-Cookie")).startsWith("forge_refresh=" + next + ";");
        Api.bearer(access).get("/api/auth/me").then().statusCode(200);
        refresh(next).then().statusCode(200);
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesThatSessionOnly() {
        Api.Account account = Api.register("reuse");
        Api.Session victim = Api.login(account);
        Api.Session other = Api.login(account);
        String previous =
                refresh(victim.refreshToken())
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("refresh_token");
        // Two rotations back: older than the immediately previous token, so no grace applies.
        String rotated = refresh(previous).then().statusCode(200).extract().path("refresh_token");

        unauthorized(refresh(victim.refreshToken()), "refresh_token_reused");

        assertThat(redis.isRevoked(victim.sid())).isTrue();
        unauthorized(refresh(rotated), "token_revoked");
        unauthorized(Api.bearer(victim.accessToken()).get("/api/auth/me"), "token_revoked");
        // The account's other session is untouched.
        assertThat(redis.isRevoked(other.sid())).isFalse();
        Api.bearer(other.accessToken()).get("/api/auth/me").then().statusCode(200);
        refresh(other.refreshToken()).then().statusCode(200);
    }

    @Test
    void theRefreshCookieWorksWithoutABody() {
        Api.Session session = Api.registerAndLogin("cookie");
        given().header("X-Forwarded-For", Api.ip())
                .cookie("forge_refresh", session.refreshToken())
                .log()
                .ifValidationFails()
                .post("/api/auth/refresh")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("refresh_token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theRefreshCookieWorksWithAnEmptyJsonBody() {
        Api.Session session = Api.registerAndLogin("cookie-json");
        given().header("X-Forwarded-For", Api.ip())
                .contentType(ContentType.JSON)
                .body("{}")
                .cookie("forge_refresh", session.refreshToken())
                .post("/api/auth/refresh")
                .then()
                .statusCode(200);
    }

    @Test
    void refreshWithoutAnyTokenIsUnauthenticated() {
        unauthorized(given().post("/api/auth/refresh"), "unauthenticated");
        unauthorized(Api.from(Api.ip()).body("{}").post("/api/auth/refresh"), "unauthenticated");
    }

    @Test
    void anUnknownOrMalformedRefreshTokenIsInvalid() {
        unauthorized(refresh("x".repeat(43)), "token_invalid");
        unauthorized(refresh("short"), "token_invalid");
    }

    @Test
    void aRefreshBodyThatBreaksTheSchemaIsRejected() {
        problem(
                Api.from(Api.ip()).body("{\"refresh_token\": 42}").post("/api/auth/refresh"),
                422,
                "validation_failed");
        problem(
                Api.from(Api.ip()).body("{\"token\": \"abc\"}").post("/api/auth/refresh"),
                422,
                "validation_failed");
        problem(
                Api.from(Api.ip()).body("{oops").post("/api/auth/refresh"),
                400,
                "malformed_request");
        problem(
                Api.from(Api.ip())
                        .contentType(ContentType.TEXT)
                        .body("token")
                        .post("/api/auth/refresh"),
                415,
                "unsupported_media_type");
    }

    @Test
    void anExpiredRefreshTokenIsExpired() {
        Api.Session session = Api.registerAndLogin("refresh-expired");
        byte[] hash = TokenService.hashOf(session.refreshToken());
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                refreshTokens.findByHashForUpdate(hash).orElseThrow().expiresAt =
                                        Instant.now().minusSeconds(1));
        unauthorized(refresh(session.refreshToken()), "token_expired");
    }

    @Test
    void twoTabsRefreshingAtOnceWithOneTokenBothStayInTheSession() throws Exception {
        Api.Session session = Api.registerAndLogin("race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // Both racers build their request first and send it together.
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(
                        pool.submit(
                                () -> {
                                    var request =
                                            Api.from(Api.ip())
                                                    .body(
                                                            Map.of(
                                                                    "refresh_token",
                                                                    session.refreshToken()));
                                    start.await(10, TimeUnit.SECONDS);
                                    return request.post("/api/auth/refresh");
                                }));
            }
            List<String> sids = new ArrayList<>();
            for (Future<Response> f : results) {
                Response r = f.get(30, TimeUnit.SECONDS);
                r.then().statusCode(200);
                sids.add(Api.sidOf(r.path("access_token")));
            }
            // The second one was served after the first, inside the refresh grace: same session.
            assertThat(sids).containsOnly(session.sid());
        } finally {
            pool.shutdownNow();
        }
        assertThat(redis.isRevoked(session.sid())).isFalse();
    }

    @Test
    void refreshAfterLogoutIsRevoked() {
        Api.Session session = Api.registerAndLogin("after-logout");
        Api.bearer(session.accessToken()).post("/api/auth/logout").then().statusCode(204);
        unauthorized(refresh(session.refreshToken()), "token_revoked");
    }
}
