package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/password. */
@Schema(name = "ChangePasswordRequest")
public record ChangePasswordRequest(
        @NotNull Secret currentPassword,
        @NotNull @Schema(minLength = 12, maxLength = 128) Secret newPassword) {}
