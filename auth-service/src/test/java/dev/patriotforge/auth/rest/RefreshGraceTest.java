package dev.patriotforge.auth.rest;

import static dev.patriotforge.testsupport.Problems.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import dev.patriotforge.auth.support.RedisInspector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * FORGE_AUTH_REFRESH_GRACE (default 10 s): the immediately previous refresh token of a session,
 * presented again within the window, gets a fresh pair for the same session; any older token, or
 * the previous one after the window, is reuse and revokes the session.
 */
@QuarkusTest
class RefreshGraceTest {
    @Inject AuthDb db;
    @Inject RedisInspector redis;

    private static Response refresh(String refreshToken) {
        return Api.from(Api.ip())
                .body(Map.of("refresh_token", refreshToken))
                .post("/api/auth/refresh");
    }

    private static String rotated(String refreshToken, String sid) {
        Response r = refresh(refreshToken);
        r.then().statusCode(200);
        assertThat(Api.sidOf(r.path("access_token"))).isEqualTo(sid);
        String next = r.path("refresh_token");
        assertThat(next).isNotEqualTo(refreshToken);
        return next;
    }

    @Test
    void thePreviousTokenWithinTheWindowGetsAFreshPairForTheSameSession() {
        Api.Session session = Api.registerAndLogin("grace-inside");
        String second = rotated(session.refreshToken(), session.sid());
        // The other tab presents the first token again: a fresh pair, nothing revoked.
        String third = rotated(session.refreshToken(), session.sid());
        assertThat(third).isNotEqualTo(second);
        assertThat(redis.isRevoked(session.sid())).isFalse();
        // Both tabs go on: each one's token belongs to the latest rotation.
        String fourth = rotated(second, session.sid());
        String fifth = rotated(third, session.sid());
        assertThat(fifth).isNotEqualTo(fourth);
        // The first token is now older than the previous one: reuse, the session ends.
        unauthorized(refresh(session.refreshToken()), "refresh_token_reused");
        assertThat(redis.isRevoked(session.sid())).isTrue();
        unauthorized(refresh(fifth), "token_revoked");
    }

    @Test
    void aTokenOlderThanThePreviousOneIsReuseEvenWithinTheWindow() {
        Api.Session session = Api.registerAndLogin("grace-older");
        String second = rotated(session.refreshToken(), session.sid());
        String third = rotated(second, session.sid());
        unauthorized(refresh(session.refreshToken()), "refresh_token_reused");
        assertThat(redis.isRevoked(session.sid())).isTrue();
        unauthorized(refresh(third), "token_revoked");
    }

    @Test
    void thePreviousTokenAfterTheWindowIsReuse() {
        Api.Session session = Api.registerAndLogin("grace-after");
        String second = rotated(session.refreshToken(), session.sid());
        // The test ages the rotation in the database; the 10-second window stays as configured.
        db.update(
                "UPDATE auth.forge_refresh_tokens SET spent_at = spent_at - interval '11 seconds'"
                        + " WHERE session_id = ? AND spent_at IS NOT NULL",
                UUID.fromString(session.sid()));
        unauthorized(refresh(session.refreshToken()), "refresh_token_reused");
        assertThat(redis.isRevoked(session.sid())).isTrue();
        unauthorized(refresh(second), "token_revoked");
    }
}
