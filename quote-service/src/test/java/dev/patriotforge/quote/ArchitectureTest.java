package dev.patriotforge.quote;

import dev.patriotforge.testsupport.checks.ServiceArchitectureTest;

/** The layering every service keeps, run over quote-service's main classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("quote");
    }
}
