package dev.patriotforge.common.security;

import dev.patriotforge.shared.security.Roles;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, from the verified access token: the user ({@code sub}), the session ({@code sid}),
 * the most capable known role in {@code groups}, and the authentication methods ({@code amr},
 * contract section 2.2; empty when the token has none) and the {@code email} claim (null when
 * absent; quote-service keeps it on a quote for its documents). Resolved once per request by {@link
 * Callers}; what the caller may do is still decided by each service (auth against its own rows,
 * quote by role and ownership).
 */
public record Caller(UUID userId, UUID sessionId, String role, Set<String> amr, String email) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        amr = amr == null ? Set.of() : Set.copyOf(amr);
    }

    public boolean isStaffOrAdmin() {
        return Roles.isStaffOrAdmin(role);
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }
}
