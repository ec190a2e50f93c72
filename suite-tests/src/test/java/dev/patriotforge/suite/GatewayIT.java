package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.raw;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the gateway itself guarantees, whatever the services behind it answer. */
@Tag("gateway")
class GatewayIT {
    private static final int ONE_MIB = 1024 * 1024;

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void operationsEndpointsAreNotFoundThroughTheGatewayHoweverThePathIsSpelled() throws Exception {
        List<String> paths =
                List.of(
                        "/q",
                        "/q/",
                        "/q/health",
                        "/q/health/ready",
                        "/q/health/live",
                        "/q/metrics",
                        "/q/openapi",
                        "/q/swagger-ui/",
                        "/Q/metrics",
                        "//q/metrics",
                        "/api/auth/../../q/metrics",
                        "/api/quotes/../../q/health",
                        "/api/auth/%2e%2e/%2e%2e/q/metrics",
                        "/api/quotes/..%2f..%2fq/health",
                        "/api/quotes/%2E%2E/%2E%2E/q/openapi");
        for (String path : paths) {
            HttpResponse<String> response = raw("GET", path, Map.of());
            assertThat(response.statusCode()).as(path).isIn(404);
            assertThat(response.body()).as(path).doesNotContain("\"UP\"", "jvm_", "openapi:");
            if (!path.startsWith("/api/")) {
                assertProblem(response, 404, "not_found");
            }
        }
    }

    @Test
    void pathsOutsideTheApiAreNotFoundProblems() throws Exception {
        for (String path :
                List.of("/", "/api", "/api/", "/api/auth", "/api/authx", "/favicon.ico")) {
            JsonPath body = assertProblem(raw("GET", path, Map.of()), 404, "not_found");
            assertThat(body.getString("title")).isEqualTo("Not found");
        }
    }

    @Test
    void bodiesOverOneMebibyteAreRejectedWithAProblemDocument() throws Exception {
        byte[] tooLarge = new byte[ONE_MIB + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        for (String path : List.of("/api/quotes", "/api/auth/register")) {
            assertProblem(Suite.rawPost(path, tooLarge), 413, "payload_too_large");
        }
    }

    @Test
    void aSaneRequestIdOfTheCallerIsKeptAndEchoed() throws Exception {
        String id = "suite-" + UUID.randomUUID();
        for (String path : List.of("/nowhere", "/api/quotes", "/api/auth/me")) {
            HttpResponse<String> response = raw("GET", path, Map.of("X-Request-Id", id));
            assertThat(response.headers().allValues("X-Request-Id")).as(path).containsExactly(id);
            assertThat(JsonPath.from(response.body()).getString("request_id"))
                    .as("request_id in the body of %s (%d)", path, response.statusCode())
                    .isEqualTo(id);
        }
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByANewOne() throws Exception {
        HttpResponse<String> none = raw("GET", "/api/quotes", Map.of());
        assertThat(none.headers().allValues("X-Request-Id"))
                .singleElement()
                .asString()
                .isNotBlank();

        String unsafe = "<script>alert(1)</script> with spaces";
        HttpResponse<String> replaced = raw("GET", "/nowhere", Map.of("X-Request-Id", unsafe));
        String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).isNotEqualTo(unsafe).matches("[A-Za-z0-9._:-]{1,128}");
        assertThat(replaced.body()).doesNotContain("<script>");

        String tooLong = "a".repeat(129);
        assertThat(
                        raw("GET", "/nowhere", Map.of("X-Request-Id", tooLong))
                                .headers()
                                .firstValue("X-Request-Id"))
                .hasValueSatisfying(value -> assertThat(value).isNotEqualTo(tooLong));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/nowhere", "/api/quotes", "/api/auth/me")) {
            HttpResponse<String> response = raw("GET", path, Map.of());
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
            assertThat(headers.firstValue("Server")).as(path).hasValue("nginx");
        }
        assertThat(raw("GET", "/api/auth/me", Map.of()).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void webhookPathsRouteToQuoteServiceAndAreNeverCached() throws Exception {
        for (String path :
                List.of("/api/webhooks", "/api/webhooks/" + UUID.randomUUID() + "/deliveries")) {
            // quote-service answers (401 without a token) where the gateway would say 404.
            HttpResponse<String> response = raw("GET", path, Map.of());
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValue("no-store");
        }
    }

    @Test
    void anOversizedUriOrHeaderIsAProblemDocument() throws Exception {
        String longQuery = "a".repeat(20_000);
        assertProblem(raw("GET", "/api/quotes?" + longQuery, Map.of()), 414, "uri_too_long");
        assertProblem(
                raw("GET", "/api/quotes", Map.of("X-Padding", longQuery)),
                431,
                "headers_too_large");
    }

    @Test
    void aMethodNginxRefusesIsAProblemDocument() throws Exception {
        assertProblem(raw("TRACE", "/api/quotes", Map.of()), 405, "method_not_allowed");
    }
}
