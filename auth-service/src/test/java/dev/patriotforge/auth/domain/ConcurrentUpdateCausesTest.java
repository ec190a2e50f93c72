package dev.patriotforge.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.common.failure.Causes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/**
 * The exceptions Hibernate really throws when a {@code @Version} check fails are recognised by
 * service-common (which names them without depending on them), so a lost race is a 409 {@code
 * concurrent_update}, not a 500.
 */
class ConcurrentUpdateCausesTest {

    @Test
    void hibernateVersionConflictsAreConcurrentUpdates() {
        StaleObjectStateException stale =
                new StaleObjectStateException(User.class.getName(), UUID.randomUUID());
        assertThat(Causes.isConcurrentUpdate(stale)).isTrue();
        assertThat(Causes.isConcurrentUpdate(new OptimisticLockException(stale))).isTrue();
        assertThat(
                        Causes.isConcurrentUpdate(
                                new RollbackException(
                                        "commit failed", new OptimisticLockException())))
                .isTrue();
    }

    @Test
    void otherPersistenceFailuresAreNot() {
        assertThat(Causes.isConcurrentUpdate(new RollbackException("constraint"))).isFalse();
    }
}
