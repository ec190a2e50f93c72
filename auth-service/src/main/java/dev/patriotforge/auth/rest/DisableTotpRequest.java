package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of DELETE /api/auth/mfa/totp. */
@Schema(name = "DisableTotpRequest")
public record DisableTotpRequest(@NotNull Secret currentPassword) {}
