package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.User;
import java.time.Instant;
import java.util.UUID;

/** What the API shows of an account. */
public record UserView(
        UUID id,
        String email,
        String displayName,
        String role,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(
                user.id, user.email, user.displayName, user.role, user.createdAt, user.updatedAt);
    }
}
