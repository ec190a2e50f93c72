package dev.patriotforge.quote.service;

import dev.patriotforge.shared.security.Roles;
import java.util.Objects;
import java.util.UUID;

/** Who is asking: the user id ({@code sub}) and the role ({@code groups}) of the access token. */
public record Caller(UUID id, String role) {
    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public boolean isStaffOrAdmin() {
        return Roles.isStaffOrAdmin(role);
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }
}
