package dev.patriotforge.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/password/forgot. */
@Schema(name = "ForgotPasswordRequest")
public record ForgotPasswordRequest(
        @NotNull @Size(max = 1024) @Schema(maxLength = 254) String email) {}
