package dev.patriotforge.quote.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** REST Assured shortcuts for the quote endpoints, so tests read as the scenario they check. */
public final class QuoteApi {
    public static final String BASE = "/api/quotes";

    private QuoteApi() {}

    public static RequestSpecification as(TestUser user) {
        return given().header("Authorization", user.bearer());
    }

    /** A valid create body with {@code items} lines. */
    public static Map<String, Object> body(String title, int items) {
        List<Map<String, Object>> lines =
                java.util.stream.IntStream.range(0, items)
                        .mapToObj(
                                i ->
                                        Map.<String, Object>of(
                                                "description", "Part " + i,
                                                "quantity", i + 1,
                                                "unit", "ea"))
                        .toList();
        return Map.of("title", title, "items", lines);
    }

    public static ValidatableResponse createQuote(TestUser user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).post(BASE).then();
    }

    /** Creates a quote with two lines and returns its id. */
    public static String createDraft(TestUser owner) {
        return createQuote(owner, body("Gate hardware", 2)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse fetch(TestUser user, String id) {
        return as(user).get(BASE + "/" + id).then();
    }

    public static String etag(TestUser user, String id) {
        return fetch(user, id).statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse action(TestUser user, String id, String action) {
        return as(user).post(BASE + "/" + id + "/" + action).then();
    }

    public static ValidatableResponse submit(TestUser owner, String id) {
        return action(owner, id, "submit");
    }

    /** A price body for every item of the quote at 1999 minor units, 8.25 % tax. */
    public static Map<String, Object> priceBody(TestUser staff, String id, String validUntil) {
        List<String> itemIds = fetch(staff, id).statusCode(200).extract().path("items.id");
        return Map.of(
                "items",
                itemIds.stream()
                        .map(item -> Map.<String, Object>of("id", item, "unit_price_minor", 1999))
                        .toList(),
                "tax_rate_bps",
                825,
                "valid_until",
                validUntil);
    }

    public static ValidatableResponse price(TestUser staff, String id, Object body) {
        return as(staff)
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE + "/" + id + "/price")
                .then();
    }

    public static ValidatableResponse requestChanges(TestUser owner, String id, Object body) {
        return as(owner)
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE + "/" + id + "/request-changes")
                .then();
    }

    public static ValidatableResponse accept(TestUser owner, String id, Object body) {
        return as(owner)
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE + "/" + id + "/accept")
                .then();
    }

    public static ValidatableResponse revisions(TestUser user, String id) {
        return as(user).get(BASE + "/" + id + "/revisions").then();
    }

    public static ValidatableResponse events(TestUser user, String id) {
        return as(user).get(BASE + "/" + id + "/events?limit=100").then();
    }

    public static String inDays(int days) {
        return java.time.Instant.now().plus(java.time.Duration.ofDays(days)).toString();
    }

    /** Creates, submits and prices a quote; returns its id. */
    public static String pricedQuote(TestUser owner, TestUser staff) {
        String id = createDraft(owner);
        submit(owner, id).statusCode(200);
        price(staff, id, priceBody(staff, id, inDays(30))).statusCode(200);
        return id;
    }

    public static String submittedQuote(TestUser owner) {
        String id = createDraft(owner);
        submit(owner, id).statusCode(200);
        return id;
    }
}
