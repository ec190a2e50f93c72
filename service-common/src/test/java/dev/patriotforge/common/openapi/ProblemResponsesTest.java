package dev.patriotforge.common.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI filter gives every error response without content the problem document. */
@QuarkusTest
class ProblemResponsesTest {
    private static final String DUPLICATE = "paths.'/probe/duplicate'.get.responses.";

    private static ValidatableResponse document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void errorResponseDeclaredWithoutContentReferencesTheProblemSchema() {
        document()
                .body(DUPLICATE + "'409'.description", equalTo("duplicate_email"))
                .body(
                        DUPLICATE + "'409'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body(DUPLICATE + "'409'.content", not(hasKey("application/json")));
    }

    @Test
    void theProblemSchemaIsGeneratedFromTheRecordWithoutTheScannerAnchor() {
        document()
                .body(
                        "components.schemas.Problem.properties",
                        allOf(
                                hasKey("type"),
                                hasKey("status"),
                                hasKey("code"),
                                hasKey("detail"),
                                hasKey("errors")))
                .body("components.schemas", not(hasKey(ProblemSchema.ANCHOR)));
    }

    @Test
    void successResponsesAndDeclaredContentAreLeftAlone() {
        document()
                .body(DUPLICATE + "'200'.content.'application/problem+json'", nullValue())
                .body(DUPLICATE + "'503'.content", hasKey("text/plain"))
                .body(DUPLICATE + "'503'.content", not(hasKey("application/problem+json")));
    }
}
