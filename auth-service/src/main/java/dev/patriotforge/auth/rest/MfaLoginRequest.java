package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/login/mfa. */
@Schema(name = "MfaLoginRequest")
public record MfaLoginRequest(
        @NotNull @Schema(description = "The mfa_token of the login") Secret mfaToken,
        @NotNull
                @Schema(
                        description = "A current 6-digit TOTP code, or an unused recovery code",
                        maxLength = 64)
                Secret code) {}
