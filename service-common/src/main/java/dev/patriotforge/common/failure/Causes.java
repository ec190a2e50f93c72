package dev.patriotforge.common.failure;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a failure means, read from its causes: a dependency that could not be reached, a lost race,
 * a unique violation. Both the services and the problem mapper ask here. Walks an exception's
 * causes, at most {@value #MAX_DEPTH} deep (safe against cycles).
 */
public final class Causes {
    private static final int MAX_DEPTH = 32;

    private Causes() {}

    /** The first throwable of the given type in the chain, starting with {@code e} itself. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return chain(e).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * The exception, its causes, and the exceptions suppressed along the way (a transaction manager
     * reports the SQL failure of a commit as a suppressed exception, not as the cause).
     */
    private static Stream<Throwable> chain(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            all.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                Throwable s = suppressed;
                for (int d = 0; s != null && d < MAX_DEPTH; d++, s = s.getCause()) {
                    all.add(s);
                }
            }
        }
        return all.stream();
    }

    /**
     * True when the failure means PostgreSQL or Redis could not be reached or answered too late: a
     * refused or closed connection, a pool that timed out (Agroal's acquisition timeout has no SQL
     * state), or a SQL state of class 08 (connection exception), 53 (insufficient resources, e.g.
     * too many connections) or 57P (operator intervention, e.g. the server shutting down).
     */
    public static boolean isDependencyFailure(Throwable e) {
        return chain(e).anyMatch(
                        t ->
                                t instanceof ConnectException
                                        || t instanceof ClosedChannelException
                                        || t instanceof TimeoutException
                                        || t instanceof io.smallrye.mutiny.TimeoutException
                                        || t instanceof SQLTransientConnectionException
                                        || (t instanceof SQLException sql && isUnavailable(sql)));
    }

    /**
     * Exceptions that say a row changed under the request: JPA's optimistic lock failure and
     * Hibernate's stale state, named here so that this module needs no persistence API.
     */
    private static final Set<String> CONCURRENT_UPDATE_TYPES =
            Set.of(
                    "jakarta.persistence.OptimisticLockException",
                    "org.hibernate.StaleStateException");

    /**
     * True when the request lost a race with another one over the same rows: an optimistic version
     * check failed (JPA {@code OptimisticLockException}, Hibernate {@code StaleStateException} or a
     * subclass), or PostgreSQL aborted the transaction to break a deadlock (SQL state 40P01) or a
     * serialization conflict (40001). The transaction was rolled back, so a retry is safe.
     */
    public static boolean isConcurrentUpdate(Throwable e) {
        return chain(e).anyMatch(
                        t ->
                                isOfType(t.getClass(), CONCURRENT_UPDATE_TYPES)
                                        || (t instanceof SQLException sql
                                                && ("40001".equals(sql.getSQLState())
                                                        || "40P01".equals(sql.getSQLState()))));
    }

    /** True when PostgreSQL refused a row for a unique index (SQL state 23505). */
    public static boolean isUniqueViolation(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        return sql != null && "23505".equals(sql.getSQLState());
    }

    private static boolean isOfType(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** True when no pooled database connection came free within Agroal's acquisition timeout. */
    public static boolean isPoolTimeout(Throwable e) {
        return chain(e).anyMatch(t -> t instanceof SQLException sql && isAcquisitionTimeout(sql));
    }

    private static boolean isAcquisitionTimeout(SQLException e) {
        return e.getSQLState() == null
                && e.getMessage() != null
                && e.getMessage().contains("acquisition timeout");
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return isAcquisitionTimeout(e);
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }
}
