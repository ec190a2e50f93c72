package dev.patriotforge.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md: resources call services; services know nothing of HTTP. */
@AnalyzeClasses(
        packages = "dev.patriotforge.auth",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule restNeverTouchesPersistence =
            noClasses()
                    .that()
                    .resideInAPackage("..auth.rest..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..auth.domain..", "jakarta.persistence..", "io.quarkus.hibernate..")
                    .allowEmptyShould(true)
                    .because(
                            "resources map DTOs and call services; entities never leave the service"
                                    + " layer");

    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp =
            noClasses()
                    .that()
                    .resideInAPackage("..auth.service..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..")
                    .allowEmptyShould(true)
                    .because("services throw shared-domain exceptions; only rest/ speaks HTTP");

    @ArchTest
    static final ArchRule domainDoesNotDependOnTheEdges =
            noClasses()
                    .that()
                    .resideInAPackage("..auth.domain..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("..auth.rest..", "jakarta.ws.rs..")
                    .allowEmptyShould(true);
}
