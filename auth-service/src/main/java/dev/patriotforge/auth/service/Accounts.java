package dev.patriotforge.auth.service;

import dev.patriotforge.auth.domain.User;
import dev.patriotforge.auth.domain.UserRepository;
import dev.patriotforge.common.failure.Causes;
import dev.patriotforge.shared.error.DuplicateEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiConsumer;

/** Creates accounts; a taken email (among live accounts) is a 409 {@code duplicate_email}. */
@ApplicationScoped
public class Accounts {
    private final UserRepository users;
    private final Clock clock;

    public Accounts(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The live account with this (normalized) email, read in a short transaction of its own. */
    User findLive(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> users.findLiveByEmail(email).orElse(null));
    }

    /** The live account with this id, read in a short transaction of its own. */
    User findLive(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> users.findLive(id).orElse(null));
    }

    /** Fails early, before a password is hashed, when the email is taken. */
    void requireEmailFree(String email) {
        if (QuarkusTransaction.requiringNew()
                .call(() -> users.findLiveByEmail(email).isPresent())) {
            throw new DuplicateEmail();
        }
    }

    /** Inserts an account whose address is not confirmed, with nothing else in its transaction. */
    UserView create(String email, String displayName, String role, String passwordHash) {
        return create(email, displayName, role, passwordHash, false, (user, now) -> {});
    }

    /**
     * Inserts the account in its own transaction, together with what {@code alsoInTransaction}
     * writes (e.g. the verification mail); the unique index settles races.
     */
    UserView create(
            String email,
            String displayName,
            String role,
            String passwordHash,
            boolean emailVerified,
            BiConsumer<User, Instant> alsoInTransaction) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(
                            () -> {
                                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                                User user = new User();
                                user.id = UUID.randomUUID();
                                user.email = email;
                                user.displayName = displayName;
                                user.role = role;
                                user.passwordHash = passwordHash;
                                user.emailVerified = emailVerified;
                                user.createdAt = now;
                                user.updatedAt = now;
                                users.persistAndFlush(user);
                                alsoInTransaction.accept(user, now);
                                return UserView.of(user);
                            });
        } catch (RuntimeException e) {
            if (Causes.isUniqueViolation(e)) {
                throw new DuplicateEmail();
            }
            throw e;
        }
    }
}
