package dev.patriotforge.quote.ops;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quotes as the service of V2 stored them, written straight into a schema at V2, and the canonical
 * revision 1 that V3 must derive from each, built here in Java from the test's own values.
 */
final class V2Quotes {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Text that needs every kind of JSON escape, and characters outside ASCII and the BMP. */
    private static final String TRICKY = "Zäune – \"A\\B\"\n\t\u0001 €🚧";

    private final Connection db;
    private final UUID pricer = UUID.randomUUID();

    V2Quotes(Connection db) {
        this.db = db;
    }

    /** Who priced every priced quote (its pricing event's actor). */
    UUID pricer() {
        return pricer;
    }

    record Row(UUID id, String status, boolean hasPrices, Instant pricedAt) {}

    /** The canonical revision 1 of a quote priced under V2, built here from the test's values. */
    Map<String, Object> document(Row row) throws SQLException {
        List<Map<String, Object>> items = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT * FROM forge_quote_items WHERE quote_id = '"
                                        + row.id()
                                        + "' ORDER BY position")) {
            while (r.next()) {
                Map<String, Object> item = new HashMap<>();
                item.put("id", r.getObject("id").toString());
                item.put("position", r.getInt("position"));
                item.put("description", r.getString("description"));
                item.put(
                        "quantity",
                        r.getBigDecimal("quantity").stripTrailingZeros().toPlainString());
                item.put("unit", r.getString("unit"));
                item.put("unit_price_minor", r.getLong("unit_price_minor"));
                item.put("discount_bps", 0);
                item.put("tax_rate_bps", null);
                item.put("line_gross_minor", r.getLong("line_total_minor"));
                item.put("line_discount_minor", 0);
                item.put("line_total_minor", r.getLong("line_total_minor"));
                items.add(item);
            }
        }
        Map<String, Object> doc = new HashMap<>();
        doc.put("quote_id", row.id().toString());
        doc.put("revision", 1);
        doc.put("priced_at", MILLIS.format(row.pricedAt()));
        doc.put("priced_by", pricer.toString());
        doc.put("note", null);
        doc.put("valid_until", MILLIS.format(row.pricedAt().plusSeconds(86_400 * 30)));
        doc.put("currency", "EUR");
        doc.put("tax_rate_bps", 825);
        doc.put("items", items);
        doc.put("subtotal_minor", 28990);
        doc.put("discount_minor", 0);
        doc.put(
                "tax_breakdown",
                List.of(Map.of("tax_rate_bps", 825, "taxable_minor", 28990, "tax_minor", 2392)));
        doc.put("tax_minor", 2392);
        doc.put("total_minor", 31382);
        return doc;
    }

    /** A quote as V2 stored it; priced ones as PricingTest's first example (total 31382). */
    Row insert(String status, boolean priced, Instant pricedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2026-11-01T08:00:00Z");
        try (var s =
                db.prepareStatement(
                        "INSERT INTO forge_quotes (id, number, customer_id, status, title,"
                                + " currency, subtotal_minor, tax_rate_bps, tax_minor, total_minor,"
                                + " valid_until, priced_at, created_at, updated_at) VALUES"
                                + " (?, ?, ?, ?, 'Fence', 'EUR', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, "Q-2026-" + id.toString().substring(0, 6));
            s.setObject(3, UUID.randomUUID());
            s.setString(4, status);
            s.setObject(5, priced ? 28990L : null);
            s.setObject(6, priced ? 825 : null);
            s.setObject(7, priced ? 2392L : null);
            s.setObject(8, priced ? 31382L : null);
            s.setObject(9, priced ? utc(pricedAt.plusSeconds(86_400 * 30)) : null);
            s.setObject(10, priced ? utc(pricedAt) : null);
            s.setObject(11, utc(created));
            s.setObject(12, utc(created));
            s.executeUpdate();
        }
        Object[][] lines = {
            {"Panel", "2.5", 1999L, 4998L},
            {TRICKY, "12", 1999L, 23988L},
            {"Half", "0.5", 3L, 2L},
            {"Other half", "2.500", 1L, 2L}
        };
        for (int i = 0; i < lines.length; i++) {
            try (var s =
                    db.prepareStatement(
                            "INSERT INTO forge_quote_items (id, quote_id, position, description,"
                                    + " quantity, unit, unit_price_minor, line_total_minor,"
                                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ea', ?, ?,"
                                    + " now(), now())")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, id);
                s.setInt(3, i);
                s.setString(4, (String) lines[i][0]);
                s.setBigDecimal(5, new BigDecimal((String) lines[i][1]));
                s.setObject(6, priced ? lines[i][2] : null);
                s.setObject(7, priced ? lines[i][3] : null);
                s.executeUpdate();
            }
        }
        if (priced) {
            try (var s =
                    db.prepareStatement(
                            "INSERT INTO forge_quote_events (id, quote_id, type, actor_id,"
                                    + " from_status, to_status, at) VALUES (gen_random_uuid(), ?,"
                                    + " 'priced', ?, 'submitted', 'priced', now())")) {
                s.setObject(1, id);
                s.setObject(2, pricer);
                s.executeUpdate();
            }
        }
        return new Row(id, status, priced, pricedAt);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
