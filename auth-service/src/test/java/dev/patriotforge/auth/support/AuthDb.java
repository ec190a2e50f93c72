package dev.patriotforge.auth.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads and changes the auth schema's rows directly, as an operator (or a bug elsewhere) could: to
 * age a session, to hold a row lock while requests race, or to set every other admin aside so that
 * a test can see what "the last admin" means in a database that other tests share.
 */
@ApplicationScoped
public class AuthDb {
    private final AgroalDataSource dataSource;

    public AuthDb(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement in its own transaction; returns the update count. */
    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a long. */
    public long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = prepare(c, sql, parameters);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Live admins in the whole database. */
    public long liveAdmins() {
        return count(
                "SELECT count(*) FROM auth.forge_users WHERE role = 'admin' AND deleted_at IS"
                        + " NULL");
    }

    /**
     * Makes every live admin except {@code keep} a staff member, without ending any session, until
     * {@link Aside#close()} gives them their role back. Nothing else may run meanwhile (the tests
     * of a module run one after another).
     */
    public Aside onlyAdmins(String... keep) {
        List<UUID> aside = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        prepare(
                                c,
                                "UPDATE auth.forge_users SET role = 'staff' WHERE role = 'admin'"
                                        + " AND deleted_at IS NULL AND NOT (id = ANY (?))"
                                        + " RETURNING id",
                                uuids(c, keep));
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                aside.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Aside(aside);
    }

    /** The admins set aside by {@link #onlyAdmins}. */
    public final class Aside implements AutoCloseable {
        private final List<UUID> ids;

        private Aside(List<UUID> ids) {
            this.ids = ids;
        }

        @Override
        public void close() {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                            prepare(
                                    c,
                                    "UPDATE auth.forge_users SET role = 'admin' WHERE id = ANY"
                                            + " (?)",
                                    c.createArrayOf("uuid", ids.toArray()))) {
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Locks the open sessions of the users (as a request ending them would) until {@link
     * RowLock#close()} rolls back.
     */
    public RowLock lockOpenSessionsOf(String... userIds) {
        return lock(
                "SELECT id FROM auth.forge_sessions WHERE user_id = ANY (?) AND deleted_at IS NULL"
                        + " FOR UPDATE",
                userIds);
    }

    /** Locks an outbox row (as a replica's claim does) until {@link RowLock#close()}. */
    public RowLock lockOutbox(UUID id) {
        return lock(
                "SELECT id FROM auth.forge_mail_outbox WHERE id = ANY (?) FOR UPDATE",
                id.toString());
    }

    /** Locks the sessions, ended or not, until {@link RowLock#close()} rolls back. */
    public RowLock lockSessions(String... sessionIds) {
        return lock("SELECT id FROM auth.forge_sessions WHERE id = ANY (?) FOR UPDATE", sessionIds);
    }

    /**
     * Changes the session as a refresh does (last use, version) in a transaction left open: the row
     * stays locked until {@link RowLock#commit()} or {@link RowLock#close()}.
     */
    public RowLock touchSession(String sessionId) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement s =
                    prepare(
                            c,
                            "UPDATE auth.forge_sessions SET version = version + 1, last_used_at ="
                                    + " now(), updated_at = now() WHERE id = ?",
                            UUID.fromString(sessionId))) {
                s.executeUpdate();
            }
            return new RowLock(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private RowLock lock(String sql, String... ids) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement s = prepare(c, sql, uuids(c, ids));
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
            return new RowLock(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transaction holding row locks. */
    public static final class RowLock implements AutoCloseable {
        private final Connection connection;

        private RowLock(Connection connection) {
            this.connection = connection;
        }

        /** Commits what the transaction changed, releasing the locks. */
        public void commit() {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** How many of this service's database sessions wait for a lock right now. */
    public long lockWaiters() {
        return count(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()");
    }

    private static Array uuids(Connection c, String... ids) throws SQLException {
        return c.createArrayOf("uuid", Arrays.stream(ids).map(UUID::fromString).toArray());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
