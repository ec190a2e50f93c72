package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.User;
import dev.patriotforge.shared.api.CursorPage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as the API shows it. */
@RegisterForReflection(targets = {UserView.class, CursorPage.class})
@Schema(name = "User")
public record UserView(
        UUID id,
        String email,
        boolean emailVerified,
        String displayName,
        @Schema(enumeration = {"customer", "staff", "admin"}) String role,
        boolean mfaEnabled,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(
                user.id,
                user.email,
                user.emailVerified,
                user.displayName,
                user.role,
                user.mfaEnabled(),
                user.createdAt,
                user.updatedAt);
    }
}
