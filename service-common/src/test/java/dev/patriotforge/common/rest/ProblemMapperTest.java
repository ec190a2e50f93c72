package dev.patriotforge.common.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMapperTest {

    private static final String VALID =
            """
            {"display_name": "Ann", "count": 2, "items": [{"description": "bolt", "quantity": 1.5}]}
            """;

    private static ValidatableResponse problem(
            ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", endsWith("/" + code))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("request_id", notNullValue());
    }

    @Test
    void validBodyIsAcceptedWithSnakeCaseNames() {
        given().contentType("application/json")
                .body(VALID)
                .when()
                .post("/probe/orders")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("Ann"))
                .body("items[0].quantity", equalTo(1.5f));
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        problem(
                given().contentType("application/json")
                        .body("{not json")
                        .post("/probe/orders")
                        .then(),
                400,
                "malformed_request");
    }

    @Test
    void missingBodyIsAValidationFailureOfTheBody() {
        problem(
                        given().contentType("application/json")
                                .body("")
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownFieldIsRejectedAndNamed() {
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": "Ann", "count": 2, "status": "accepted",
                                         "items": [{"description": "bolt", "quantity": 1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors.field", hasItems("status"));
    }

    @Test
    void wrongTypesAreRejectedNotCoerced() {
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": 42, "count": 2, "items": [{"description": "b", "quantity": 1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors[0].field", equalTo("display_name"))
                .body("errors[0].message", equalTo("must be a string"));
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": "A", "count": "2", "items": [{"description": "b", "quantity": 1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors[0].field", equalTo("count"));
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": "A", "count": 2.5, "items": [{"description": "b", "quantity": 1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors[0].field", equalTo("count"));
    }

    @Test
    void numberTooLargeForItsFieldIsAValidationFailureNamingTheField() {
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": "A", "count": 99999999999999,
                                         "items": [{"description": "b", "quantity": 1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].message", containsString("out of range"));
    }

    @Test
    void constraintViolationsNameTheJsonFieldWithIndexes() {
        problem(
                        given().contentType("application/json")
                                .body(
                                        """
                                        {"display_name": "", "count": 2, "items": [{"description": "b", "quantity": 1},
                                         {"description": "c", "quantity": -1}]}
                                        """)
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors.field", hasItems("display_name", "items[1].quantity"));
    }

    @Test
    void missingFieldIsAValidationFailure() {
        problem(
                        given().contentType("application/json")
                                .body("{\"display_name\": \"Ann\", \"items\": []}")
                                .post("/probe/orders")
                                .then(),
                        422,
                        "validation_failed")
                .body("errors.field", hasItems("count", "items"));
    }

    @Test
    void queryParameterOutOfRangeIsAValidationFailure() {
        problem(given().queryParam("limit", 0).get("/probe/page").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void domainExceptionCarriesItsCodeAndStatus() {
        problem(given().get("/probe/duplicate").then(), 409, "duplicate_email")
                .body("instance", equalTo("/probe/duplicate"));
    }

    @Test
    void rateLimitedAnswersCarryRetryAfter() {
        problem(given().get("/probe/locked").then(), 429, "too_many_attempts")
                .header("Retry-After", equalTo("900"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        problem(given().get("/probe/nothing-here").then(), 404, "not_found");
        problem(given().get("/no-such-resource").then(), 404, "not_found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        problem(given().delete("/probe/duplicate").then(), 405, "method_not_allowed");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        problem(
                given().contentType("text/plain").body("hello").post("/probe/orders").then(),
                415,
                "unsupported_media_type");
    }

    @Test
    void contentTypeThatIsNotAMediaTypeIsUnsupported() {
        for (String type : new String[] {"application/", "/json"}) {
            problem(
                    given().header("Content-Type", type)
                            .body(VALID.getBytes(StandardCharsets.UTF_8))
                            .post("/probe/orders")
                            .then(),
                    415,
                    "unsupported_media_type");
        }
    }

    @Test
    void memberNamedTwiceIsAMalformedBody() {
        problem(
                given().contentType("application/json")
                        .body(
                                """
                                {"display_name": "Ann", "count": 2,
                                 "items": [{"description": "bolt", "quantity": 1}],
                                 "display_name": "Bob"}
                                """)
                        .post("/probe/orders")
                        .then(),
                400,
                "malformed_request");
    }

    @Test
    void bodyOverOneMebibyteIsAPayloadTooLargeProblem() {
        String huge = "{\"display_name\": \"" + "x".repeat(1_100_000) + "\"}";
        problem(
                given().contentType("application/json").body(huge).post("/probe/orders").then(),
                413,
                "payload_too_large");
    }

    @Test
    void unexpectedFailureRevealsNothingInternal() {
        problem(given().get("/probe/boom").then(), 500, "internal_error")
                .body(not(containsString("jdbc")))
                .body(not(containsString("IllegalState")))
                .body(not(containsString("secret")));
    }

    @Test
    void bindingDefinitionErrorIsAProblemNotAnEmpty500() {
        problem(given().get("/probe/bad-binding").then(), 500, "internal_error")
                .body(not(containsString("creator")));
    }

    @Test
    void callersRequestIdIsEchoedOnSuccessAndError() {
        given().header("X-Request-Id", "abc-123")
                .get("/probe/page")
                .then()
                .header("X-Request-Id", equalTo("abc-123"));
        given().header("X-Request-Id", "abc-124")
                .get("/probe/duplicate")
                .then()
                .header("X-Request-Id", equalTo("abc-124"))
                .body("request_id", equalTo("abc-124"));
    }

    @Test
    void unsafeRequestIdIsReplacedByAFreshOne() {
        given().header("X-Request-Id", "evil\u0007id with spaces")
                .get("/probe/page")
                .then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().get("/probe/page").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
