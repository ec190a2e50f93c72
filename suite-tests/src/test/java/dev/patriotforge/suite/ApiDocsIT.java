package dev.patriotforge.suite;

import static dev.patriotforge.suite.Suite.raw;
import static dev.patriotforge.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's {@code /api/openapi.json}: the OpenAPI documents of both services (as their builds
 * wrote them) merged, with every public path of each and no operations path.
 */
@Tag("gateway")
class ApiDocsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMergedDocumentHasEveryPublicPathOfBothServicesAndNothingElse() throws Exception {
        Suite.assumeRunning();
        HttpResponse<String> response = raw("GET", "/api/openapi.json", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode merged = JSON.readTree(response.body());
        assertThat(merged.path("openapi").asText()).startsWith("3.");
        Set<String> paths = fieldNames(merged.path("paths"));
        assertThat(paths).allMatch(p -> p.startsWith("/api/"), "only public /api/ paths");
        assertThat(paths).noneMatch(p -> p.contains("/q/"));

        Set<String> published = new TreeSet<>();
        for (String service : List.of("auth-service", "quote-service")) {
            JsonNode own = JSON.readTree(Repo.read(service + "/target/openapi/openapi.json"));
            Set<String> ownPaths = fieldNames(own.path("paths"));
            ownPaths.removeIf(p -> !p.startsWith("/api/"));
            assertThat(ownPaths).as(service).isNotEmpty();
            published.addAll(ownPaths);
            for (String path : ownPaths) {
                assertThat(fieldNames(merged.path("paths").path(path)))
                        .as("operations of %s (%s)", path, service)
                        .containsAll(fieldNames(own.path("paths").path(path)));
            }
        }
        assertThat(paths).containsExactlyInAnyOrderElementsOf(published);
        assertThat(paths).contains("/api/auth/register", "/api/auth/login", "/api/quotes");
    }

    @Test
    void everyReferenceInTheMergedDocumentResolves() throws Exception {
        Suite.assumeRunning();
        JsonNode merged = JSON.readTree(raw("GET", "/api/openapi.json", Map.of()).body());
        List<String> refs = new ArrayList<>();
        collectRefs(merged, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).matches("#/components/[A-Za-z]+/[A-Za-z0-9._-]+");
            List<String> parts = List.of(ref.substring("#/components/".length()).split("/", 2));
            assertThat(merged.path("components").path(parts.get(0)).has(parts.get(1)))
                    .as("%s resolves", ref)
                    .isTrue();
        }
    }

    @Test
    void theDocumentIsReadOnly() throws Exception {
        Suite.assumeRunning();
        assertProblem(raw("POST", "/api/openapi.json", Map.of()), 405, "method_not_allowed");
        assertProblem(raw("GET", "/api/openapi.yaml", Map.of()), 404, "not_found");
    }

    /** Not through the gateway: deploy/gateway/merge-openapi.py itself, on two small documents. */
    @Test
    void componentsThatDifferAreRenamedPerServiceAndAPathPublishedTwiceIsRefused(@TempDir Path dir)
            throws Exception {
        String user = "{\"type\": \"object\", \"properties\": {\"%s\": {\"type\": \"string\"}}}";
        String doc =
                "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"%s\", \"version\": \"1\"},"
                        + " \"paths\": {\"%s\": {\"get\": {\"responses\": {\"200\": {\"content\":"
                        + " {\"application/json\": {\"schema\": {\"$ref\":"
                        + " \"#/components/schemas/User\"}}}}}}}, \"/q/health\": {}},"
                        + " \"components\": {\"schemas\": {\"User\": %s, \"Same\": {\"type\":"
                        + " \"string\"}}}}";
        Files.writeString(dir.resolve("a.json"), doc.formatted("a", "/api/a", user.formatted("a")));
        Files.writeString(dir.resolve("b.json"), doc.formatted("b", "/api/b", user.formatted("b")));

        assertThat(merge(dir, "auth=" + dir.resolve("a.json"), "quote=" + dir.resolve("b.json")))
                .isZero();
        JsonNode merged = JSON.readTree(dir.resolve("out.json").toFile());
        assertThat(fieldNames(merged.path("paths"))).containsExactly("/api/a", "/api/b");
        assertThat(fieldNames(merged.path("components").path("schemas")))
                .containsExactly("AuthUser", "QuoteUser", "Same");
        assertThat(
                        merged.at(
                                        "/paths/~1api~1b/get/responses/200/content/application~1json/schema/$ref")
                                .asText())
                .isEqualTo("#/components/schemas/QuoteUser");
        assertThat(merge(dir, "a=" + dir.resolve("a.json"), "b=" + dir.resolve("a.json")))
                .as("the same path from two services")
                .isNotZero();
    }

    private static int merge(Path dir, String... documents) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "python3",
                                Repo.root().resolve("deploy/gateway/merge-openapi.py").toString(),
                                dir.resolve("out.json").toString()));
        command.addAll(List.of(documents));
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("merge.log").toFile())
                        .start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        }
    }
}
