package dev.patriotforge.common.rest;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/** Walks an exception's cause chain, at most {@value #MAX_DEPTH} deep (safe against cycles). */
public final class Causes {
    private static final int MAX_DEPTH = 32;

    private Causes() {}

    /** The first throwable of the given type in the chain, starting with {@code e} itself. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * True when the failure means PostgreSQL or Redis could not be reached or answered too late: a
     * refused or closed connection, a pool that timed out, or a SQL state of class 08 (connection
     * exception) or 57P (operator intervention, e.g. the server shutting down).
     */
    public static boolean isDependencyFailure(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof ClosedChannelException
                    || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }
}
