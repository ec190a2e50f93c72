package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.service.IssuedTokens;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tokens of a login or refresh; {@link #toString()} hides them. */
@Schema(name = "Tokens")
public record TokenResponse(
        String accessToken,
        @Schema(enumeration = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires") long expiresIn,
        String refreshToken,
        @Schema(description = "Seconds until the refresh token expires") long refreshExpiresIn) {
    static TokenResponse from(IssuedTokens tokens) {
        return new TokenResponse(
                tokens.accessToken(),
                "Bearer",
                tokens.accessTtl().toSeconds(),
                tokens.refreshToken(),
                tokens.refreshTtl().toSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[hidden]";
    }
}
