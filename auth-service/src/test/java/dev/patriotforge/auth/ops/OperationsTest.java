package dev.patriotforge.auth.ops;

import dev.patriotforge.testsupport.checks.ServiceOperationsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest extends ServiceOperationsTest {

    OperationsTest() {
        super("auth-service");
    }
}
