package dev.patriotforge.auth.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A fingerprint of every row of the auth schema's tables (users, sessions, refresh tokens): the
 * count and an MD5 over the rows' full text, all columns, in id order. Two equal snapshots mean no
 * row was inserted, changed or deleted in between.
 */
final class AuthRows {
    private static final String[] TABLES = {
        "auth.forge_users", "auth.forge_sessions", "auth.forge_refresh_tokens"
    };

    private AuthRows() {}

    /** Table name to {@code "<count> rows, md5 <hash>"}. */
    static Map<String, String> snapshot(DataSource dataSource) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs =
                        s.executeQuery(
                                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY"
                                        + " t.id), '')) FROM "
                                        + table
                                        + " t")) {
                    rs.next();
                    snapshot.put(table, rs.getLong(1) + " rows, md5 " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the auth schema", e);
        }
        return snapshot;
    }
}
