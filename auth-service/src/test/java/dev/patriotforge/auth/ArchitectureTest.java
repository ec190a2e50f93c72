package dev.patriotforge.auth;

import dev.patriotforge.testsupport.checks.ServiceArchitectureTest;

/** The layering every service keeps, run over auth-service's main classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("auth");
    }
}
