package dev.patriotforge.quote.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Direct SQL on the service's own database, for states no API call can reach quickly. */
public final class Database {
    private Database() {}

    /** Moves a priced quote's valid_until into the past, as if time had passed. */
    public static void makeDue(AgroalDataSource db, String quoteId) {
        update(
                db,
                "UPDATE forge_quotes SET valid_until = now() - interval '1 minute' WHERE id = ?",
                quoteId);
    }

    public static long count(AgroalDataSource db, String sql, String quoteId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(quoteId));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One text column of one quote, or null. */
    public static String text(AgroalDataSource db, String sql, String quoteId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(quoteId));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an UPDATE of exactly one quote (its id the only parameter). */
    public static void updateOne(AgroalDataSource db, String sql, String quoteId) {
        update(db, sql, quoteId);
    }

    private static void update(AgroalDataSource db, String sql, String quoteId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(quoteId));
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no such quote " + quoteId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
