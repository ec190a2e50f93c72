package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static dev.patriotforge.quote.support.QuoteApi.as;
import static dev.patriotforge.quote.support.QuoteApi.createDraft;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The create and update bodies: schema rules, JSON rules and media types. */
@QuarkusTest
class RequestValidationTest {
    private final TestUser owner = TestUser.customer();

    private static Map<String, Object> item(Object quantity) {
        return Map.of("description", "Bolt", "quantity", quantity);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Valid");
        body.put("items", List.of(item(1)));
        return body;
    }

    private void assertRejected(Map<String, Object> body, String field) {
        String requestId = "validation-" + java.util.UUID.randomUUID();
        as(owner)
                .contentType(ContentType.JSON)
                .header("X-Request-Id", requestId)
                .body(body)
                .post(BASE)
                .then()
                .statusCode(422)
                .header("X-Request-Id", requestId)
                .body("request_id", equalTo(requestId))
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("type", endsWith("/validation_failed"))
                .body("status", equalTo(422))
                .body("request_id", notNullValue())
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = valid();
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> without(String key) {
        Map<String, Object> body = valid();
        body.remove(key);
        return body;
    }

    @Test
    void titleIsRequiredAndAtMost200Characters() {
        assertRejected(without("title"), "title");
        assertRejected(with("title", ""), "title");
        assertRejected(with("title", "   "), "title");
        assertRejected(with("title", "x".repeat(201)), "title");
        assertRejected(with("title", 5), "title");
        createQuote(owner, with("title", "x".repeat(200))).statusCode(201);
    }

    @Test
    void notesAreOptionalUpTo5000Characters() {
        assertRejected(with("notes", "n".repeat(5001)), "notes");
        createQuote(owner, with("notes", "n".repeat(5000))).statusCode(201);
        createQuote(owner, with("notes", "")).statusCode(201);
    }

    @Test
    void currencyIsAnIsoCodeAndDefaultsToUsd() {
        assertRejected(with("currency", "usd"), "currency");
        assertRejected(with("currency", "XYZ"), "currency");
        assertRejected(with("currency", "EURO"), "currency");
        createQuote(owner, with("currency", "EUR"))
                .statusCode(201)
                .body("currency", equalTo("EUR"));
        createQuote(owner, valid()).statusCode(201).body("currency", equalTo("USD"));
    }

    @Test
    void itemsAreOneToAHundred() {
        assertRejected(without("items"), "items");
        assertRejected(with("items", List.of()), "items");
        assertRejected(
                with("items", IntStream.range(0, 101).mapToObj(i -> item(1)).toList()), "items");
        createQuote(owner, with("items", IntStream.range(0, 100).mapToObj(i -> item(1)).toList()))
                .statusCode(201);
    }

    @Test
    void quantityIsAPositiveNumberWithAtMostThreeDecimalsUpToAMillion() {
        assertRejected(with("items", List.of(item(0))), "items[0].quantity");
        assertRejected(with("items", List.of(item(-1))), "items[0].quantity");
        assertRejected(with("items", List.of(item(new BigDecimal("1.2345")))), "items[0].quantity");
        assertRejected(
                with("items", List.of(item(new BigDecimal("1000000.001")))), "items[0].quantity");
        assertRejected(with("items", List.of(item(1000001))), "items[0].quantity");
        assertRejected(with("items", List.of(item("5"))), "items[0].quantity");
        assertRejected(
                with("items", List.of(Map.of("description", "No quantity"))), "items[0].quantity");
        createQuote(owner, with("items", List.of(item(new BigDecimal("1000000")))))
                .statusCode(201)
                .body("items[0].quantity", equalTo(1000000));
        createQuote(owner, with("items", List.of(item(new BigDecimal("0.001"))))).statusCode(201);
        createQuote(owner, with("items", List.of(item(new BigDecimal("1.5000"))))).statusCode(201);
    }

    @Test
    void descriptionAndUnitHaveTheirLengths() {
        assertRejected(
                with("items", List.of(Map.of("description", "", "quantity", 1))),
                "items[0].description");
        assertRejected(
                with("items", List.of(Map.of("description", "d".repeat(501), "quantity", 1))),
                "items[0].description");
        assertRejected(
                with("items", List.of(Map.of("description", "d", "quantity", 1, "unit", ""))),
                "items[0].unit");
        assertRejected(
                with(
                        "items",
                        List.of(Map.of("description", "d", "quantity", 1, "unit", "u".repeat(21)))),
                "items[0].unit");
    }

    @Test
    void nulCharactersAreRejectedInsteadOfFailingAtTheDatabase() {
        assertRejected(with("title", "a\u0000b"), "title");
        assertRejected(with("notes", "\u0000"), "notes");
        assertRejected(
                with("items", List.of(Map.of("description", "d\u0000", "quantity", 1))),
                "items[0].description");
        assertRejected(
                with("items", List.of(Map.of("description", "d", "quantity", 1, "unit", "\u0000"))),
                "items[0].unit");
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        assertRejected(with("status", "accepted"), "status");
        assertRejected(
                with("items", List.of(Map.of("description", "d", "quantity", 1, "price", 5))),
                "items[0].price");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        as(owner)
                .contentType(ContentType.JSON)
                .body("{not json")
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_request"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        int status =
                as(owner)
                        .contentType(ContentType.JSON)
                        .body("")
                        .post(BASE)
                        .then()
                        .contentType("application/problem+json")
                        .extract()
                        .statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isIn(400, 422);
    }

    @Test
    void aBodyThatIsNotJsonMediaTypeIsUnsupported() {
        as(owner)
                .contentType(ContentType.TEXT)
                .body("title=x")
                .post(BASE)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String big = "{\"title\":\"" + "x".repeat(1_100_000) + "\",\"items\":[]}";
        as(owner)
                .contentType(ContentType.JSON)
                .body(big)
                .post(BASE)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("payload_too_large"));
    }

    @Test
    void patchBodiesFollowTheSameRules() {
        String id = createDraft(owner);
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", ""))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("title"));
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("items", List.of()))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("items"));
        as(owner)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("customer_id", owner.id().toString()))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("customer_id"));
    }
}
