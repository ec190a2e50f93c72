package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/me/email. */
@Schema(name = "ChangeEmailRequest")
public record ChangeEmailRequest(
        @NotNull @Size(max = 1024) @Schema(maxLength = 254) String newEmail,
        @NotNull Secret currentPassword) {}
