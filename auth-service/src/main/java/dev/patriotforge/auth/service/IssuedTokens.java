package dev.patriotforge.auth.service;

import java.time.Duration;
import java.util.UUID;

/**
 * A fresh access token and refresh token. {@link #toString()} hides both, so that the pair cannot
 * be logged by accident.
 */
public record IssuedTokens(
        UUID sessionId,
        String accessToken,
        Duration accessTtl,
        String refreshToken,
        Duration refreshTtl) {

    @Override
    public String toString() {
        return "IssuedTokens[hidden]";
    }
}
