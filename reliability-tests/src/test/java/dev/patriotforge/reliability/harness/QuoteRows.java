package dev.patriotforge.reliability.harness;

import dev.patriotforge.testsupport.api.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts a customer's quotes in quote-service's own tables (as its role, through {@link
 * Cluster#quoteDb()}): what a fault test checks beside the API.
 */
public final class QuoteRows {
    private QuoteRows() {}

    /** The account's quotes whose title is exactly {@code title}. */
    public static int titled(Cluster cluster, Api.Account account, String title)
            throws SQLException {
        return count(
                cluster,
                "SELECT count(*) FROM forge_quotes" + " WHERE customer_id = ?::uuid AND title = ?",
                account,
                title);
    }

    /** The account's quotes whose title matches the SQL LIKE pattern {@code titlePattern}. */
    public static int titledLike(Cluster cluster, Api.Account account, String titlePattern)
            throws SQLException {
        return count(
                cluster,
                "SELECT count(*) FROM forge_quotes"
                        + " WHERE customer_id = ?::uuid AND title LIKE ?",
                account,
                titlePattern);
    }

    private static int count(Cluster cluster, String sql, Api.Account account, String title)
            throws SQLException {
        try (Connection db = cluster.quoteDb();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, account.id());
            query.setString(2, title);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
