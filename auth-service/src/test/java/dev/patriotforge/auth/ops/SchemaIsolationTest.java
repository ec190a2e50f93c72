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
 * The service connects as its own role, which owns its schema and cannot read the other service's.
 * Runs against the servers ./forge starts (Dev Services use one superuser).
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "FORGE_DB_URL", matches = ".+")
class SchemaIsolationTest {

    @Inject AgroalDataSource dataSource;

    @Test
    void serviceConnectsAsItsOwnRoleAndOwnsItsSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT current_user, (SELECT nspowner::regrole::text FROM"
                                        + " pg_namespace WHERE nspname = 'auth')")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("forge_auth");
            assertThat(r.getString(2)).isEqualTo("forge_auth");
        }
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
