package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/refresh; the token may come as the forge_refresh cookie instead. */
@Schema(name = "RefreshRequest")
public record RefreshRequest(
        @Schema(description = "May be omitted when the forge_refresh cookie is sent")
                Secret refreshToken) {}
