package dev.patriotforge.auth.domain;

import dev.patriotforge.shared.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The live admins as a whole. Every change that could leave no admin (a demotion, a deletion) and
 * the creation of the bootstrap admin first take one transaction-level advisory lock, then count:
 * two such changes, even on two replicas, never both see the other's admin still there.
 */
@ApplicationScoped
public class AdminRows {
    /** The advisory lock's key: "FORGEADM" in ASCII. No other lock of this database uses it. */
    static final long LOCK_KEY = 0x464f5247_4541444dL;

    private final EntityManager entityManager;
    private final UserRepository users;

    public AdminRows(EntityManager entityManager, UserRepository users) {
        this.entityManager = entityManager;
        this.users = users;
    }

    /** Waits for, and holds until the transaction ends, the lock on changes to the admins. */
    public void lock() {
        entityManager
                .createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY)
                .getSingleResult();
    }

    /** How many live (not deleted) accounts have the admin role. */
    public long countLive() {
        return users.count("role = ?1 and deletedAt is null", Roles.ADMIN);
    }
}
