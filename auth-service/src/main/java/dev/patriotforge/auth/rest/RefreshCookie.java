package dev.patriotforge.auth.rest;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The refresh token as a cookie for browsers: HttpOnly (no script reads it), Secure,
 * SameSite=Strict (no cross-site request carries it) and scoped to the auth endpoints.
 */
final class RefreshCookie {
    static final String NAME = "forge_refresh";
    static final String PATH = "/api/auth";

    private RefreshCookie() {}

    static NewCookie of(String refreshToken, Duration ttl) {
        return base().value(refreshToken).maxAge((int) ttl.toSeconds()).build();
    }

    /** Tells the browser to drop the cookie. */
    static NewCookie cleared() {
        return base().value("").maxAge(0).build();
    }

    private static NewCookie.Builder base() {
        return new NewCookie.Builder(NAME)
                .path(PATH)
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
