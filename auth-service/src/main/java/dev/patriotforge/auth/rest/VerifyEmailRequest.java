package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/email/verify: the token from the mailed link. */
@Schema(name = "VerifyEmailRequest")
public record VerifyEmailRequest(@NotNull @Schema(maxLength = 43) Secret token) {}
