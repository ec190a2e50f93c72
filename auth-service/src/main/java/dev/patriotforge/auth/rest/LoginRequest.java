package dev.patriotforge.auth.rest;

import dev.patriotforge.auth.security.Secret;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/auth/login. */
@Schema(name = "LoginRequest")
public record LoginRequest(@NotNull @Size(max = 1024) String email, @NotNull Secret password) {}
