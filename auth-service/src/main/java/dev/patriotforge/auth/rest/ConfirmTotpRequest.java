package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/mfa/totp/confirm. */
@Schema(name = "ConfirmTotpRequest")
public record ConfirmTotpRequest(
        @NotNull @Schema(description = "The current 6-digit code of the authenticator app")
                Secret code) {}
