package dev.patriotforge.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * Health, metrics, OpenAPI, request id and the 404 problem document, the same for every service. A
 * service runs these with a {@code @QuarkusTest} subclass that names itself.
 */
public abstract class ServiceOperationsTest {
    private final String serviceName;

    /** {@code serviceName}: the service's artifact name, as in its OpenAPI title. */
    protected ServiceOperationsTest(String serviceName) {
        this.serviceName = serviceName;
    }

    @Test
    void readinessChecksPostgresAndRedis() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "Database connections health check",
                                "Redis connection health check"));
    }

    @Test
    void livenessAndStartupAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("PatriotForge " + serviceName));
    }

    @Test
    void everyResponseCarriesTheRequestId() {
        given().header("X-Request-Id", "ops-check-1")
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", equalTo("ops-check-1"));
    }

    @Test
    void unknownPathIsAProblemDocument() {
        given().get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }
}
