package dev.patriotforge.testsupport.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, the same for every service: resources call services; services know
 * nothing of HTTP. A service runs these with a subclass that names its package ({@code
 * dev.patriotforge.<service>}). No rule passes on an empty package: each fails when nothing of the
 * service's main code resides where it speaks of.
 */
public abstract class ServiceArchitectureTest {
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String service;

    /** {@code service}: the last part of the service's package, e.g. {@code auth}. */
    protected ServiceArchitectureTest(String service) {
        this.service = service;
    }

    /** The service's main classes (tests left out), imported once per service. */
    protected final JavaClasses mainClasses() {
        return IMPORTED.computeIfAbsent(
                service,
                s ->
                        new ClassFileImporter()
                                .withImportOption(new ImportOption.DoNotIncludeTests())
                                .importPackages("dev.patriotforge." + s));
    }

    @Test
    void restNeverTouchesPersistence() {
        noClasses()
                .that()
                .resideInAPackage(".." + service + ".rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ".." + service + ".domain..",
                        "jakarta.persistence..",
                        "io.quarkus.hibernate..")
                .allowEmptyShould(false)
                .because(
                        "resources map DTOs and call services; entities never leave the service"
                                + " layer")
                .check(mainClasses());
    }

    @Test
    void servicesKnowNothingOfHttp() {
        noClasses()
                .that()
                .resideInAPackage(".." + service + ".service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..")
                .allowEmptyShould(false)
                .because("services throw shared-domain exceptions; only rest/ speaks HTTP")
                .check(mainClasses());
    }

    @Test
    void domainDoesNotDependOnTheEdges() {
        noClasses()
                .that()
                .resideInAPackage(".." + service + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(".." + service + ".rest..", "jakarta.ws.rs..")
                .allowEmptyShould(false)
                .check(mainClasses());
    }

    @Test
    void servicesUseNoRestHelpers() {
        noClasses()
                .that()
                .resideInAPackage(".." + service + ".service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..common.rest..", ".." + service + ".rest..")
                .allowEmptyShould(false)
                .because(
                        "what both layers need lives outside common.rest (e.g."
                                + " common.failure.Causes); services take typed values")
                .check(mainClasses());
    }

    @Test
    void callerClockAndPagingLiveInTheSharedModules() {
        classes()
                .that()
                .resideInAPackage("dev.patriotforge." + service + "..")
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
                                + " services")
                .check(mainClasses());
    }

    @Test
    void theCallerIsReadOnlyThroughCallers() {
        noClasses()
                .that()
                .resideInAnyPackage(".." + service + ".rest..", ".." + service + ".service..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo("org.eclipse.microprofile.jwt.JsonWebToken")
                .allowEmptyShould(false)
                .because("service-common's Callers resolves the caller once per request")
                .check(mainClasses());
    }

    @Test
    void entitiesArePlainAndUsedThroughRepositories() {
        noClasses()
                .that()
                .resideInAPackage(".." + service + ".domain..")
                .should()
                .beAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                .allowEmptyShould(false)
                .because("one style in both services: plain @Entity classes and repositories")
                .check(mainClasses());
    }
}
