package dev.patriotforge.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
        packages = "dev.patriotforge.shared",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedDomainImportsNoFramework =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "jakarta..",
                            "javax..",
                            "io.quarkus..",
                            "io.smallrye..",
                            "io.vertx..",
                            "org.hibernate..",
                            "com.fasterxml..",
                            "org.eclipse..")
                    .because("shared-domain is plain Java that any service can use");
}
