package dev.patriotforge.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.patriotforge.testsupport.http.Management;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics, OpenAPI, request id and the 404 problem document, the same for every service. A
 * service runs these with a {@code @QuarkusTest} subclass that names itself. Health and metrics are
 * on the management port only; the API port answers 404 there.
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
                .get(Management.url("/q/health/ready"))
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
        given().get(Management.url("/q/health/live"))
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get(Management.url("/q/health/started"))
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get(Management.url("/q/health/ready")).then().statusCode(200);
        given().get("/api/nothing-here").then().statusCode(404);
        given().accept("text/plain")
                .get(Management.url("/q/metrics"))
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("jvm_memory_used_bytes"))
                // HTTP timings with histogram buckets, by route template
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("le=\"0.25\""))
                // the connection pool and the Redis client
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_awaiting_count"))
                .body(containsString("redis_commands_duration_seconds"))
                // problem documents by code, named forge_<service>_...
                .body(containsString("_problems_total{code=\"not_found\""));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
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
                .get("/api/nothing-here")
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
