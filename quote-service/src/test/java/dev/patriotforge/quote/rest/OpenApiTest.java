package dev.patriotforge.quote.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every endpoint of the contract with its status codes. */
@QuarkusTest
class OpenApiTest {

    private static final Map<String, List<String>> OPERATIONS =
            Map.ofEntries(
                    Map.entry(
                            "post /api/quotes",
                            List.of("201", "400", "401", "409", "415", "422", "429", "503")),
                    Map.entry("get /api/quotes", List.of("200", "401", "422", "503")),
                    Map.entry("get /api/quotes/{id}", List.of("200", "401", "404", "503")),
                    Map.entry(
                            "patch /api/quotes/{id}",
                            List.of("200", "401", "403", "404", "409", "412", "422", "428", "503")),
                    Map.entry(
                            "delete /api/quotes/{id}",
                            List.of("204", "401", "403", "404", "409", "412")),
                    Map.entry("get /api/quotes/{id}/events", List.of("200", "401", "404", "422")),
                    Map.entry(
                            "post /api/quotes/{id}/submit",
                            List.of("200", "403", "404", "409", "412")),
                    Map.entry(
                            "post /api/quotes/{id}/price",
                            List.of("200", "403", "404", "409", "412", "422")),
                    Map.entry(
                            "post /api/quotes/{id}/accept",
                            List.of("200", "403", "404", "409", "412", "422")),
                    Map.entry(
                            "post /api/quotes/{id}/request-changes",
                            List.of("200", "403", "404", "409", "412", "415", "422")),
                    Map.entry(
                            "get /api/quotes/{id}/revisions", List.of("200", "401", "404", "422")),
                    Map.entry("get /api/quotes/{id}/revisions/{n}", List.of("200", "401", "404")),
                    Map.entry(
                            "get /api/quotes/{id}/revisions/{n}/pdf",
                            List.of("200", "304", "401", "404", "503")),
                    Map.entry(
                            "post /api/quotes/{id}/decline",
                            List.of("200", "403", "404", "409", "412")),
                    Map.entry(
                            "post /api/quotes/{id}/cancel",
                            List.of("200", "403", "404", "409", "412")));

    private static JsonPath openApi() {
        return given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyOperationIsDocumentedWithItsStatusCodes() {
        JsonPath doc = openApi();
        for (Map.Entry<String, List<String>> op : OPERATIONS.entrySet()) {
            String[] methodAndPath = op.getKey().split(" ", 2);
            Map<String, Object> operation =
                    doc.getMap("paths.'" + methodAndPath[1] + "'." + methodAndPath[0]);
            assertThat(operation).as(op.getKey()).isNotNull().containsKey("summary");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as(op.getKey()).containsAll(op.getValue());
        }
        assertThat(doc.getMap("components.schemas"))
                .containsKeys(
                        "Quote",
                        "QuoteItem",
                        "Problem",
                        "QuoteEventPage",
                        "QuoteRevision",
                        "QuoteRevisionPage",
                        "QuoteTaxGroup");
    }

    @Test
    void theQuoteDocumentIsAPdf() {
        assertThat(
                        openApi()
                                .getMap(
                                        "paths.'/api/quotes/{id}/revisions/{n}/pdf'.get.responses"
                                                + ".'200'.content"))
                .containsOnlyKeys("application/pdf");
    }

    @Test
    void everyErrorResponseIsAProblemDocument() {
        JsonPath doc = openApi();
        for (Map.Entry<String, List<String>> op : OPERATIONS.entrySet()) {
            String[] methodAndPath = op.getKey().split(" ", 2);
            String responses =
                    "paths.'" + methodAndPath[1] + "'." + methodAndPath[0] + ".responses.";
            for (String code : op.getValue()) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(
                                    doc.getString(
                                            responses
                                                    + "'"
                                                    + code
                                                    + "'.content.'application/problem+json'.schema.'$ref'"))
                            .as(op.getKey() + " " + code)
                            .isEqualTo("#/components/schemas/Problem");
                }
            }
        }
    }

    @Test
    void everyOperationNeedsABearerAndDocumentsMfaRequired() {
        JsonPath doc = openApi();
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        for (String op : OPERATIONS.keySet()) {
            String[] methodAndPath = op.split(" ", 2);
            String forbidden =
                    "paths.'" + methodAndPath[1] + "'." + methodAndPath[0] + ".responses.'403'";
            assertThat(doc.getString(forbidden + ".description")).as(op).contains("mfa_required");
            assertThat(
                            doc.getString(
                                    forbidden
                                            + ".content.'application/problem+json'.schema.'$ref'"))
                    .as(op)
                    .isEqualTo("#/components/schemas/Problem");
        }
        // A 403 of its own keeps its text, and gets the mfa_required sentence.
        assertThat(doc.getString("paths.'/api/quotes/{id}/price'.post.responses.'403'.description"))
                .startsWith(Docs.E403)
                .contains("mfa_required");
    }
}
