package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.raw;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every problem {@code type} resolves to a page of the error catalogue that the gateway serves:
 * every code the services (shared-domain's error classes) and the gateway (its own problem
 * documents) can answer has an entry in docs/errors.md with the same status, and the gateway serves
 * a page for it at the path of the type URI.
 */
@Tag("gateway")
class ErrorCatalogueIT {

    @BeforeEach
    void suiteIsUp() {
        Suite.assumeRunning();
    }

    @Test
    void everyCodeEmittedAnywhereHasACatalogueEntryWithItsStatus() {
        Map<String, Integer> emitted = new LinkedHashMap<>(Repo.serviceCodes());
        Repo.gatewayCodes()
                .forEach(
                        (code, status) -> {
                            Integer service = emitted.putIfAbsent(code, status);
                            assertThat(service == null ? status : service)
                                    .as("status of %s at the gateway and the services", code)
                                    .isEqualTo(status);
                        });
        Map<String, Integer> catalogue = Repo.catalogue();
        assertThat(catalogue)
                .as("docs/errors.md lists every emitted code with its status, and nothing else")
                .containsExactlyInAnyOrderEntriesOf(emitted);
    }

    @Test
    void theGatewayServesAPageForEveryCodeAtThePathOfItsTypeUri() throws Exception {
        Map<String, Integer> catalogue = Repo.catalogue();
        for (Map.Entry<String, Integer> entry : catalogue.entrySet()) {
            String code = entry.getKey();
            String path = URI.create("https://patriotforge.dev/problems/" + code).getPath();
            HttpResponse<String> page = raw("GET", path, Map.of());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("text/html");
            assertThat(page.headers().firstValue("X-Request-Id")).as(path).isPresent();
            assertThat(page.body())
                    .as(path)
                    .contains("<code>" + code + "</code>")
                    .contains("<dd>" + entry.getValue() + "</dd>")
                    .contains("What the client should do");
        }
        HttpResponse<String> index = raw("GET", "/problems/", Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        for (String code : catalogue.keySet()) {
            assertThat(index.body()).contains("href=\"" + code + "\"");
        }
    }

    @Test
    void theTypeOfProblemsFromTheGatewayAndTheServicesResolvesToTheirPage() throws Exception {
        List<HttpResponse<String>> problems =
                List.of(
                        raw("GET", "/nowhere", Map.of()),
                        raw("GET", "/api/quotes", Map.of()),
                        raw("GET", "/api/auth/me", Map.of("Authorization", "Bearer not-a-jwt")),
                        Suite.rawPost(
                                "/api/auth/login",
                                "{\"email\": 1}".getBytes(StandardCharsets.UTF_8)));
        for (HttpResponse<String> problem : problems) {
            JsonPath body = JsonPath.from(problem.body());
            String code = body.getString("code");
            URI type = URI.create(body.getString("type"));
            assertProblem(problem, problem.statusCode(), code);
            HttpResponse<String> page = raw("GET", type.getPath(), Map.of());
            assertThat(page.statusCode()).as("%s", type).isEqualTo(200);
            assertThat(page.body()).as("%s", type).contains("<code>" + code + "</code>");
        }
    }

    @Test
    void anUnknownCodeOrAPathOutsideTheCatalogueIsANotFoundProblem() throws Exception {
        for (String path :
                List.of(
                        "/problems",
                        "/problems/no_such_code",
                        "/problems/not_found.html.bak",
                        "/problems/../api/openapi.json/x",
                        "/problems/%2e%2e/nginx.conf")) {
            HttpResponse<String> response = raw("GET", path, Map.of());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("worker_processes");
        }
        assertProblem(raw("GET", "/problems/no_such_code", Map.of()), 404, "not_found");
        assertProblem(raw("POST", "/problems/not_found", Map.of()), 405, "method_not_allowed");
    }
}
