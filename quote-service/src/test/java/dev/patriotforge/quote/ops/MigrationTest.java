package dev.patriotforge.quote.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patriotforge.quote.service.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * V3 on a database that holds quotes in every status: a fresh schema migrated to V2, filled as the
 * service of V2 left it, then migrated to the latest version. Runs against the PostgreSQL ./forge
 * starts, as its superuser (only it may create a throwaway schema), and drops the schema after.
 */
@EnabledIfEnvironmentVariable(named = "FORGE_TEST_RUN_DIR", matches = ".+")
class MigrationTest {

    private final String schema =
            "quote_migration_" + HexFormat.of().toHexDigits(System.nanoTime());
    private Connection db;
    private V2Quotes quotes;

    @BeforeEach
    void freshSchemaAtV2() throws Exception {
        String url = System.getenv("FORGE_DB_URL");
        String password = superuserPassword();
        db = DriverManager.getConnection(url, "postgres", password);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        flyway(url, password).target("2").load().migrate();
        try (Statement s = db.createStatement()) {
            s.execute("SET search_path = " + schema);
        }
        quotes = new V2Quotes(db);
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String password) {
        return Flyway.configure()
                .dataSource(url, "postgres", password)
                .schemas(schema)
                .locations("classpath:db/migration");
    }

    private static String superuserPassword() throws IOException {
        Path secrets = Path.of(System.getenv("FORGE_TEST_RUN_DIR"), "secrets.env");
        for (String line : Files.readAllLines(secrets)) {
            if (line.startsWith("PG_SUPER_PASSWORD=")) {
                return line.substring("PG_SUPER_PASSWORD=".length());
            }
        }
        throw new IllegalStateException("no superuser password in the run directory");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } finally {
            db.close();
        }
    }

    @Test
    void quotesInEveryStatusGetTheRevisionTheirPricesCallFor() throws Exception {
        List<V2Quotes.Row> rows = new ArrayList<>();
        Instant pricedAt = Instant.parse("2026-11-20T10:15:30.120Z");
        for (String status : List.of("draft", "submitted", "cancelled")) {
            rows.add(quotes.insert(status, false, null));
        }
        for (String status : List.of("priced", "accepted", "declined", "expired", "cancelled")) {
            rows.add(quotes.insert(status, true, pricedAt));
        }
        rows.add(quotes.insert("priced", true, Instant.parse("2026-11-21T00:00:00Z")));

        String url = System.getenv("FORGE_DB_URL");
        flyway(url, superuserPassword()).load().migrate();

        for (V2Quotes.Row row : rows) {
            Map<String, Object> quote =
                    one("SELECT * FROM forge_quotes WHERE id = '" + row.id() + "'");
            assertThat(quote.get("revision")).as(row.status()).isEqualTo(row.hasPrices() ? 1 : 0);
            long revisions =
                    (Long)
                            one("SELECT count(*) AS n FROM forge_quote_revisions WHERE quote_id = '"
                                            + row.id()
                                            + "'")
                                    .get("n");
            assertThat(revisions).isEqualTo(row.hasPrices() ? 1 : 0);
            if (!row.hasPrices()) {
                assertThat(quote.get("discount_minor")).isNull();
                assertThat(quote.get("tax_breakdown")).isNull();
                continue;
            }
            assertThat(quote.get("discount_minor")).isEqualTo(0L);
            assertThat(
                            one("SELECT tax_breakdown = '[{\"tax_rate_bps\": 825,"
                                    + " \"taxable_minor\": 28990, \"tax_minor\": 2392}]'::jsonb AS"
                                    + " same FROM forge_quotes WHERE id = '"
                                            + row.id()
                                            + "'")
                                    .get("same"))
                    .isEqualTo(true);
            Map<String, Object> revision =
                    one("SELECT * FROM forge_quote_revisions WHERE quote_id = '" + row.id() + "'");
            String expected = CanonicalJson.write(quotes.document(row));
            assertThat(revision.get("canonical")).isEqualTo(expected);
            assertThat(revision.get("sha256")).isEqualTo(CanonicalJson.sha256(expected));
            assertThat(revision.get("priced_by")).isEqualTo(quotes.pricer());
            assertThat(revision.get("total_minor")).isEqualTo(31382L);
        }
        assertThat(
                        one("SELECT count(*) AS n FROM forge_quote_items WHERE unit_price_minor IS"
                                + " NOT NULL AND (line_gross_minor <> line_total_minor OR"
                                + " line_discount_minor <> 0 OR discount_bps <> 0 OR tax_rate_bps"
                                + " IS NOT NULL)")
                                .get("n"))
                .isEqualTo(0L);

        try (Statement s = db.createStatement()) {
            for (String change :
                    List.of(
                            "UPDATE forge_quote_revisions SET total_minor = 0",
                            "DELETE FROM forge_quote_revisions",
                            "TRUNCATE forge_quote_revisions")) {
                assertThatThrownBy(() -> s.execute(change))
                        .as("the owner too is refused: " + change)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("immutable");
            }
        }
    }

    private Map<String, Object> one(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
            }
            return row;
        }
    }
}
