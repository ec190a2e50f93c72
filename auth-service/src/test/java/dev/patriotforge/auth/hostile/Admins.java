package dev.patriotforge.auth.hostile;

import dev.patriotforge.auth.support.Api;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Admin sessions for the hostile tests. Each login costs an Argon2id verification, the dearest
 * thing a test does here, so the bootstrap admin logs in once and its session is shared (renewed
 * well before its access token expires); admins a test may harm are made on their own.
 */
final class Admins {
    private static final Duration REUSE = Duration.ofMinutes(10);
    private static Api.Session shared;
    private static Instant loggedInAt = Instant.MIN;

    private Admins() {}

    /** The bootstrap admin, logged in. Never log it out, delete it or change its role. */
    static synchronized Api.Session boss() {
        if (shared == null || Instant.now().isAfter(loggedInAt.plus(REUSE))) {
            shared = Api.login(Api.bootstrapAdmin());
            loggedInAt = Instant.now();
        }
        return shared;
    }

    /** A new account given {@code role} by the boss, then logged in (its own session). */
    static Api.Session withRole(String tag, String role) {
        Api.Account account = Api.register(tag);
        if (!"customer".equals(role)) {
            Api.bearer(boss().accessToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("role", role))
                    .patch("/api/auth/users/" + account.id())
                    .then()
                    .statusCode(200);
        }
        return Api.login(account);
    }
}
