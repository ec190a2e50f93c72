package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import dev.patriotforge.auth.service.IssuedTokens;
import dev.patriotforge.auth.service.SessionView;
import dev.patriotforge.auth.service.UserView;
import dev.patriotforge.shared.api.CursorPage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of section 2 of the contract. */
public final class Bodies {
    private Bodies() {}

    @Schema(name = "RegisterRequest")
    public record RegisterRequest(
            @NotNull @Schema(maxLength = 254) String email,
            @NotNull @Schema(minLength = 12, maxLength = 128) Secret password,
            @NotNull @Schema(minLength = 1, maxLength = 100) String displayName) {}

    @Schema(name = "LoginRequest")
    public record LoginRequest(@NotNull @Size(max = 1024) String email, @NotNull Secret password) {}

    @Schema(name = "RefreshRequest")
    public record RefreshRequest(
            @Schema(description = "May be omitted when the forge_refresh cookie is sent")
                    Secret refreshToken) {}

    @Schema(name = "UpdateMeRequest")
    public record UpdateMeRequest(
            @NotNull @Schema(minLength = 1, maxLength = 100) String displayName) {}

    @Schema(name = "ChangePasswordRequest")
    public record ChangePasswordRequest(
            @NotNull Secret currentPassword,
            @NotNull @Schema(minLength = 12, maxLength = 128) Secret newPassword) {}

    @Schema(name = "ChangeRoleRequest")
    public record ChangeRoleRequest(
            @NotNull @Schema(enumeration = {"customer", "staff", "admin"}) String role) {}

    @Schema(name = "User")
    @RegisterForReflection(targets = {UserResponse.class, CursorPage.class})
    public record UserResponse(
            UUID id,
            String email,
            String displayName,
            @Schema(enumeration = {"customer", "staff", "admin"}) String role,
            Instant createdAt,
            Instant updatedAt) {
        static UserResponse from(UserView user) {
            return new UserResponse(
                    user.id(),
                    user.email(),
                    user.displayName(),
                    user.role(),
                    user.createdAt(),
                    user.updatedAt());
        }
    }

    @Schema(name = "Tokens")
    public record TokenResponse(
            String accessToken,
            @Schema(enumeration = "Bearer") String tokenType,
            @Schema(description = "Seconds until the access token expires") long expiresIn,
            String refreshToken,
            @Schema(description = "Seconds until the refresh token expires")
                    long refreshExpiresIn) {
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

    @Schema(name = "Session")
    @RegisterForReflection
    public record SessionResponse(
            UUID id,
            Instant createdAt,
            Instant lastUsedAt,
            String userAgent,
            String ip,
            boolean current) {
        static SessionResponse from(SessionView s) {
            return new SessionResponse(
                    s.id(), s.createdAt(), s.lastUsedAt(), s.userAgent(), s.ip(), s.current());
        }
    }

    @Schema(name = "SessionPage")
    public record SessionPage(
            List<SessionResponse> items,
            @Schema(
                            description =
                                    "Pass as ?cursor= for the next page; null on the last page",
                            nullable = true)
                    String nextCursor) {
        static SessionPage from(CursorPage<SessionView> page) {
            return new SessionPage(
                    page.items().stream().map(SessionResponse::from).toList(), page.nextCursor());
        }
    }
}
