package dev.patriotforge.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patriotforge.shared.error.DuplicateEmail;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void serverShutdownReportedAsSuppressedByACommitIsADependencyFailure() {
        var rollback = new IllegalStateException("commit failed");
        rollback.addSuppressed(new SQLException("terminating connection", "57P01"));

        assertThat(Causes.isDependencyFailure(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void poolTimeoutsAndConnectionLimitsAreDependencyFailures() {
        assertThat(Causes.isDependencyFailure(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
        assertThat(Causes.isDependencyFailure(new SQLException("too many clients", "53300")))
                .isTrue();
        assertThat(Causes.isDependencyFailure(new RuntimeException(new ConnectException())))
                .isTrue();
    }

    @Test
    void constraintViolationsAndBugsAreNotDependencyFailures() {
        assertThat(Causes.isDependencyFailure(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(Causes.isDependencyFailure(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void deadlocksAndSerializationFailuresAreConcurrentUpdates() {
        assertThat(Causes.isConcurrentUpdate(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(
                        Causes.isConcurrentUpdate(
                                new RuntimeException(
                                        new SQLException("could not serialize", "40001"))))
                .isTrue();
        assertThat(Causes.isConcurrentUpdate(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Causes.isConcurrentUpdate(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void findLooksThroughCauses() {
        var domain = new DuplicateEmail();
        assertThat(
                        Causes.find(
                                new RuntimeException(new RuntimeException(domain)),
                                DuplicateEmail.class))
                .isSameAs(domain);
        assertThat(Causes.find(new RuntimeException(), DuplicateEmail.class)).isNull();
    }
}
