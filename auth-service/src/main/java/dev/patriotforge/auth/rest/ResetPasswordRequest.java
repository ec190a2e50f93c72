package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/password/reset: the mailed token and the new password. */
@Schema(name = "ResetPasswordRequest")
public record ResetPasswordRequest(
        @NotNull @Schema(maxLength = 43) Secret token,
        @NotNull @Schema(minLength = 12, maxLength = 128) Secret newPassword) {}
