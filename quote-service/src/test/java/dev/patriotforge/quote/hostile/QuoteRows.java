package dev.patriotforge.quote.hostile;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fingerprint of everything the database holds for one customer: the count and an MD5 of every
 * column of their rows in {@code forge_quotes}, {@code forge_quote_items} and {@code
 * forge_quote_events}. Two equal fingerprints mean nothing of theirs was inserted, changed or
 * deleted (soft deletes and version bumps included).
 */
final class QuoteRows {
    private static final String SQL =
            """
            SELECT
              (SELECT count(*) || ':' || coalesce(md5(string_agg(q::text, '|' ORDER BY q.id)), '')
                 FROM forge_quotes q WHERE q.customer_id = ?)
              || ' items ' ||
              (SELECT count(*) || ':' || coalesce(md5(string_agg(i::text, '|' ORDER BY i.id)), '')
                 FROM forge_quote_items i JOIN forge_quotes q ON q.id = i.quote_id
                 WHERE q.customer_id = ?)
              || ' events ' ||
              (SELECT count(*) || ':' || coalesce(md5(string_agg(e::text, '|' ORDER BY e.seq)), '')
                 FROM forge_quote_events e JOIN forge_quotes q ON q.id = e.quote_id
                 WHERE q.customer_id = ?)
            """;

    private QuoteRows() {}

    /** {@code quotes n:md5 items n:md5 events n:md5} of the customer's rows. */
    static String of(AgroalDataSource db, UUID customer) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(SQL)) {
            for (int i = 1; i <= 3; i++) {
                s.setObject(i, customer);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return "quotes " + r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
