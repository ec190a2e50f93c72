package dev.patriotforge.auth.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PATCH /api/auth/users/{id}. */
@Schema(name = "ChangeRoleRequest")
public record ChangeRoleRequest(
        @NotNull @Schema(enumeration = {"customer", "staff", "admin"}) String role) {}
