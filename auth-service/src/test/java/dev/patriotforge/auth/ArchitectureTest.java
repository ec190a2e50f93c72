package dev.patriotforge.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    @ArchTest
    static final ArchRule servicesUseNoRestHelpers =
            noClasses()
                    .that()
                    .resideInAPackage("..auth.service..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("..common.rest..", "jakarta.ws.rs..", "..auth.rest..")
                    .allowEmptyShould(false)
                    .because(
                            "what both layers need lives outside common.rest (e.g."
                                    + " common.failure.Causes); services take typed values");

    @ArchTest
    static final ArchRule callerClockAndPagingLiveInTheSharedModules =
            classes()
                    .that()
                    .resideInAPackage("dev.patriotforge.auth..")
                    .should()
                    .notHaveSimpleName("Caller")
                    .andShould()
                    .notHaveSimpleName("CallerResolver")
                    .andShould()
                    .notHaveSimpleName("Clocks")
                    .andShould()
                    .notHaveSimpleName("Pages")
                    .andShould()
                    .notHaveSimpleName("PageRequest")
                    .andShould()
                    .notHaveSimpleName("Uuids")
                    .allowEmptyShould(false)
                    .because(
                            "service-common has Caller/Callers and Clocks, shared-domain has"
                                    + " PageRequest, CursorPage and Uuids: one of each for both"
                                    + " services");

    @ArchTest
    static final ArchRule theCallerIsReadOnlyThroughCallers =
            noClasses()
                    .that()
                    .resideInAnyPackage("..auth.rest..", "..auth.service..")
                    .should()
                    .dependOnClassesThat()
                    .areAssignableTo(JsonWebToken.class)
                    .allowEmptyShould(false)
                    .because("service-common's Callers resolves the caller once per request");

    @ArchTest
    static final ArchRule entitiesArePlainAndUsedThroughRepositories =
            noClasses()
                    .that()
                    .resideInAPackage("..auth.domain..")
                    .should()
                    .beAssignableTo(PanacheEntityBase.class)
                    .allowEmptyShould(false)
                    .because("one style in both services: plain @Entity classes and repositories");
}
