package dev.patriotforge.quote;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.patriotforge.testsupport.checks.ServiceArchitectureTest;

/**
 * The layering every service keeps (the rules in {@link ServiceArchitectureTest}); rules that only
 * quote-service needs are {@code @ArchTest} fields here.
 */
@AnalyzeClasses(
        packages = "dev.patriotforge.quote",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("quote");
    }
}
