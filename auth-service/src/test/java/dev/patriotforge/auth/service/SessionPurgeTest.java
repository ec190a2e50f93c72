package dev.patriotforge.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.auth.support.Api;
import dev.patriotforge.auth.support.AuthDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The purge (scheduled hourly; called directly here) deletes sessions that were revoked or expired
 * longer ago than the retention (7 days), with all their refresh tokens, and keeps the rest.
 */
@QuarkusTest
@SuppressWarnings("try") // a try block holds a fixture (admins set aside, a row lock)
class SessionPurgeTest {

    @Inject SessionPurge purge;
    @Inject AuthDb db;

    private long sessionRows(Api.Session s) {
        return db.count(
                "SELECT count(*) FROM auth.forge_sessions WHERE id = ?", UUID.fromString(s.sid()));
    }

    private long tokenRows(Api.Session s) {
        return db.count(
                "SELECT count(*) FROM auth.forge_refresh_tokens WHERE session_id = ?",
                UUID.fromString(s.sid()));
    }

    private void age(Api.Session s, String column, String ago) {
        db.update(
                "UPDATE auth.forge_sessions SET " + column + " = now() - ?::interval WHERE id = ?",
                ago,
                UUID.fromString(s.sid()));
    }

    private static void refresh(Api.Session s) {
        Api.from(Api.ip())
                .body(Map.of("refresh_token", s.refreshToken()))
                .post("/api/auth/refresh")
                .then()
                .statusCode(200);
    }

    @Test
    void sessionsEndedLongerAgoThanTheRetentionGoWithTheirTokensAndTheRestStay() {
        Api.Account account = Api.register("purge");
        Api.Session live = Api.login(account);
        Api.Session revokedLongAgo = Api.login(account);
        Api.Session expiredLongAgo = Api.login(account);
        Api.Session revokedRecently = Api.login(account);
        Api.Session expiredRecently = Api.login(account);
        // Spent refresh tokens: each refresh leaves one behind.
        refresh(revokedLongAgo);
        refresh(live);
        for (Api.Session s : List.of(revokedLongAgo, revokedRecently)) {
            Api.bearer(s.accessToken()).post("/api/auth/logout").then().statusCode(204);
        }
        age(revokedLongAgo, "deleted_at", "8 days");
        age(expiredLongAgo, "expires_at", "8 days");
        age(revokedRecently, "deleted_at", "6 days");
        age(expiredRecently, "expires_at", "6 days");
        assertThat(tokenRows(revokedLongAgo)).isEqualTo(2);

        SessionPurge.Result result = purge.purge();

        assertThat(result.sessions()).isGreaterThanOrEqualTo(2);
        for (Api.Session gone : List.of(revokedLongAgo, expiredLongAgo)) {
            assertThat(sessionRows(gone)).as("session %s", gone.sid()).isZero();
            assertThat(tokenRows(gone)).as("tokens of %s", gone.sid()).isZero();
        }
        for (Api.Session kept : List.of(live, revokedRecently, expiredRecently)) {
            assertThat(sessionRows(kept)).as("session %s", kept.sid()).isEqualTo(1);
            assertThat(tokenRows(kept)).as("tokens of %s", kept.sid()).isPositive();
        }
        assertThat(tokenRows(live)).isEqualTo(2);
        Api.bearer(live.accessToken()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aSessionAnotherTransactionHoldsIsSkippedNotWaitedForAndGoesNextTime() {
        Api.Account account = Api.register("purge-locked");
        Api.Session held = Api.login(account);
        Api.bearer(held.accessToken()).post("/api/auth/logout").then().statusCode(204);
        age(held, "deleted_at", "30 days");
        try (AuthDb.RowLock lock = db.lockSessions(held.sid())) {
            long started = System.nanoTime();
            purge.purge();
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
            assertThat(sessionRows(held)).isEqualTo(1);
        }
        purge.purge();
        assertThat(sessionRows(held)).isZero();
    }

    @Test
    void refreshTokensAreForgottenADayAfterTheyExpired() {
        Api.Session session = Api.registerAndLogin("purge-token");
        refresh(session);
        db.update(
                "UPDATE auth.forge_refresh_tokens SET expires_at = now() - interval '25 hours'"
                        + " WHERE session_id = ? AND spent_at IS NOT NULL",
                UUID.fromString(session.sid()));
        purge.purge();
        assertThat(tokenRows(session)).isEqualTo(1);
        assertThat(sessionRows(session)).isEqualTo(1);
    }
}
