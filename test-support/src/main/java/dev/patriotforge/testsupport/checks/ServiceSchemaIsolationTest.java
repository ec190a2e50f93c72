package dev.patriotforge.testsupport.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The service connects as its own runtime role ({@code forge_<schema>}), which has DML only on its
 * schema: the schema is owned by the migration role ({@code forge_<schema>_migrator}) that only
 * Flyway uses, and the runtime role cannot read the other service's schema. A service runs these
 * with a {@code @QuarkusTest} subclass, enabled only against the servers ./forge starts (Dev
 * Services use one superuser), that hands over its data source.
 */
public abstract class ServiceSchemaIsolationTest {
    private final String schema;
    private final String table;
    private final String otherServicesTable;

    /**
     * {@code schema}: the service's schema; {@code table}: one of its tables (unqualified); {@code
     * otherServicesTable}: a table of the other service, schema-qualified.
     */
    protected ServiceSchemaIsolationTest(String schema, String table, String otherServicesTable) {
        this.schema = schema;
        this.table = schema + "." + table;
        this.otherServicesTable = otherServicesTable;
    }

    /** The service's own data source (its runtime role). */
    protected abstract DataSource dataSource();

    @Test
    void serviceConnectsAsItsRuntimeRoleAndTheMigrationRoleOwnsTheSchema() throws SQLException {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT current_user, (SELECT nspowner::regrole::text FROM"
                                        + " pg_namespace WHERE nspname = '"
                                        + schema
                                        + "'), (SELECT string_agg(DISTINCT installed_by, ',')"
                                        + " FROM "
                                        + schema
                                        + ".flyway_schema_history)")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("forge_" + schema);
            assertThat(r.getString(2)).isEqualTo("forge_" + schema + "_migrator");
            assertThat(r.getString(3))
                    .as("who ran the migrations")
                    .isEqualTo("forge_" + schema + "_migrator");
        }
    }

    @Test
    void runtimeRoleCannotCreateOrDropTablesInItsSchema() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertRefused(s, "CREATE TABLE " + schema + ".intruder (id int)");
                c.rollback();
                assertRefused(s, "DROP TABLE " + table);
                c.rollback();
                assertRefused(s, "ALTER TABLE " + table + " ADD COLUMN intruder int");
            } finally {
                // On a role that may change the schema, nothing of this attempt stays.
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void runtimeRoleStillReadsAndWritesItsTables() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM " + table).close();
                s.executeUpdate(
                        "INSERT INTO " + table + " SELECT * FROM " + table + " WHERE false");
                s.executeUpdate("UPDATE " + table + " SET id = id WHERE false");
                s.executeUpdate("DELETE FROM " + table + " WHERE false");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void assertRefused(Statement s, String ddl) {
        assertThatThrownBy(() -> s.execute(ddl))
                .as(ddl)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void serviceRoleCannotReadTheOtherServicesSchema() throws SQLException {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM " + otherServicesTable))
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void serviceRoleCannotCreateObjectsInPublic() throws SQLException {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE public.intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }
}
