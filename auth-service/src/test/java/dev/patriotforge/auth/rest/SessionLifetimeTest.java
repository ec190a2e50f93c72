package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A session lives at most FORGE_AUTH_SESSION_MAX_AGE (30 days) from its login, however often it is
 * refreshed. The tests age a session by moving its login back in the database.
 */
@QuarkusTest
class SessionLifetimeTest {
    private static final Duration MAX_AGE = Duration.ofDays(30);

    @Inject AuthDb db;

    private static Response refresh(String refreshToken) {
        return Api.from(Api.ip())
                .body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    private void loggedInAgo(Api.Session session, Duration age) {
        assertThat(
                        db.update(
                                "UPDATE auth.forge_sessions SET created_at = now() - ?::interval"
                                        + " WHERE id = ?",
                                age.toSeconds() + " seconds",
                                UUID.fromString(session.sid())))
                .isEqualTo(1);
    }

    @Test
    void aRefreshNearTheEndOfTheSessionsLifeIsCappedAtIt() {
        Api.Session session = Api.registerAndLogin("near-max-age");
        loggedInAgo(session, MAX_AGE.minusHours(1));
        Response r = refresh(session.refreshToken());
        r.then().statusCode(200);
        int refreshExpiresIn = r.path("refresh_expires_in");
        assertThat(refreshExpiresIn).isBetween(3500, 3600);
        assertThat(r.header("Set-Cookie")).contains("Max-Age=" + refreshExpiresIn);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM auth.forge_sessions WHERE id = ? AND"
                                        + " expires_at <= created_at + interval '30 days'",
                                UUID.fromString(session.sid())))
                .isEqualTo(1);
        // The new refresh token carries the same end, and so does the next refresh.
        Response again = refresh(r.path("refresh_token"));
        again.then().statusCode(200);
        assertThat(again.<Integer>path("refresh_expires_in")).isLessThanOrEqualTo(refreshExpiresIn);
    }

    @Test
    void aSessionPastItsMaxAgeCannotBeRefreshed() {
        Api.Session session = Api.registerAndLogin("past-max-age");
        loggedInAgo(session, MAX_AGE.plusSeconds(1));
        unauthorized(refresh(session.refreshToken()), "token_expired");
    }

    @Test
    void aNewSessionGetsTheFullRefreshLifetime() {
        Api.Session session = Api.registerAndLogin("fresh-session");
        Response r = refresh(session.refreshToken());
        r.then().statusCode(200);
        assertThat(r.<Integer>path("refresh_expires_in")).isEqualTo(14 * 24 * 3600);
    }
}
