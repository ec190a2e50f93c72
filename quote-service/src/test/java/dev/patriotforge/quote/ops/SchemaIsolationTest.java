package dev.patriotforge.quote.ops;

import dev.patriotforge.testsupport.checks.ServiceSchemaIsolationTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The schema isolation every service has (see {@link ServiceSchemaIsolationTest}), against the
 * servers ./forge starts (Dev Services use one superuser).
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "FORGE_DB_URL", matches = ".+")
class SchemaIsolationTest extends ServiceSchemaIsolationTest {

    @Inject AgroalDataSource dataSource;

    SchemaIsolationTest() {
        super("quote", "forge_quotes", "auth.forge_users");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
