package dev.patriotforge.auth.domain;

import dev.patriotforge.shared.api.KeysetCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Live (not soft-deleted) accounts. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Optional<User> findLiveByEmail(String email) {
        if (cannotBeStored(email)) {
            return Optional.empty();
        }
        return find("email = ?1 and deletedAt is null", email).firstResultOptional();
    }

    /**
     * PostgreSQL text cannot hold a NUL character, so no stored email has one; asking the database
     * for it would fail (SQL state 22021) instead of finding nothing.
     */
    private static boolean cannotBeStored(String email) {
        return email.indexOf('\0') >= 0;
    }

    public Optional<User> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    /**
     * The live account, its row locked until the transaction ends: what opens a session and what
     * changes a password, a role or deletes the account take this lock first, so a session is only
     * written against the credentials that are current, and ending sessions sees every one of them.
     */
    public Optional<User> findLiveForUpdate(UUID id) {
        return find("id = ?1 and deletedAt is null", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * One page, newest first, keyset-paginated on {@code (created_at, id)}; {@code limit + 1} rows
     * are read so that the caller knows whether another page follows.
     */
    public List<User> page(String email, String role, KeysetCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        where.add("deletedAt is null");
        if (email != null) {
            if (cannotBeStored(email)) {
                return List.of();
            }
            where.add("email = :email");
            parameters.put("email", email);
        }
        if (role != null) {
            where.add("role = :role");
            parameters.put("role", role);
        }
        if (after != null) {
            where.add("(createdAt < :at or (createdAt = :at and id < :id))");
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        return find(String.join(" and ", where) + " order by createdAt desc, id desc", parameters)
                .range(0, limit)
                .list();
    }
}
