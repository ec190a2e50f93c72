package dev.patriotforge.auth.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The service connects as its own runtime role, which has DML only on its schema: the schema is
 * owned by the migration role (forge_auth_migrator) that only Flyway uses, and the runtime role
 * cannot read the other service's schema. Runs against the servers ./forge starts (Dev Services use
 * one superuser).
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "FORGE_DB_URL", matches = ".+")
class SchemaIsolationTest {

    @Inject AgroalDataSource dataSource;

    @Test
    void serviceConnectsAsItsRuntimeRoleAndTheMigrationRoleOwnsTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT current_user, (SELECT nspowner::regrole::text FROM"
                                        + " pg_namespace WHERE nspname = 'auth'),"
                                        + " (SELECT string_agg(DISTINCT installed_by, ',') FROM"
                                        + " auth.flyway_schema_history)")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("forge_auth");
            assertThat(r.getString(2)).isEqualTo("forge_auth_migrator");
            assertThat(r.getString(3))
                    .as("who ran the migrations")
                    .isEqualTo("forge_auth_migrator");
        }
    }

    @Test
    void runtimeRoleCannotCreateOrDropTablesInItsSchema() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertRefused(s, "CREATE TABLE auth.intruder (id int)");
                c.rollback();
                assertRefused(s, "DROP TABLE auth.forge_users");
                c.rollback();
                assertRefused(s, "ALTER TABLE auth.forge_users ADD COLUMN intruder int");
            } finally {
                // On a role that may change the schema, nothing of this attempt stays.
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void runtimeRoleStillReadsAndWritesItsTables() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM auth.forge_users").close();
                s.executeUpdate(
                        "INSERT INTO auth.forge_users SELECT * FROM auth.forge_users WHERE false");
                s.executeUpdate("UPDATE auth.forge_users SET id = id WHERE false");
                s.executeUpdate("DELETE FROM auth.forge_users WHERE false");
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
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM quote.forge_quotes"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void serviceRoleCannotCreateObjectsInPublic() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE public.intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }
}
