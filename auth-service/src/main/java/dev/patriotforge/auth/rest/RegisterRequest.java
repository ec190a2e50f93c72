package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/register. */
@Schema(name = "RegisterRequest")
public record RegisterRequest(
        @NotNull @Schema(maxLength = 254) String email,
        @NotNull @Schema(minLength = 12, maxLength = 128) Secret password,
        @NotNull @Schema(minLength = 1, maxLength = 100) String displayName) {}
