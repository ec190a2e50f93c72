package dev.patriotforge.auth.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PATCH /api/auth/me. */
@Schema(name = "UpdateMeRequest")
public record UpdateMeRequest(
        @NotNull @Schema(minLength = 1, maxLength = 100) String displayName) {}
