package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.http.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-up calls of the hostile tests over {@link RawHttp} (a few times faster than REST Assured
 * on a loaded machine): quotes in a given status, reading one back, a valid price sheet.
 */
final class Calls {
    /** A valid create body: "Gate hardware" with two lines. */
    static final String VALID_QUOTE =
            "{\"title\":\"Gate hardware\",\"items\":["
                    + "{\"description\":\"Part 0\",\"quantity\":1,\"unit\":\"ea\"},"
                    + "{\"description\":\"Part 1\",\"quantity\":2,\"unit\":\"ea\"}]}";

    private Calls() {}

    static RawHttp.Request get(TestUser user, String path) {
        return RawHttp.Request.of("GET", path).as(user);
    }

    /** A new draft of {@code owner} (version 0). */
    static String draft(TestUser owner) {
        return expect(RawHttp.Request.of("POST", BASE).as(owner).json(VALID_QUOTE), 201)
                .get("id")
                .asText();
    }

    /** A new quote of {@code owner} in {@code draft}, {@code submitted} or {@code cancelled}. */
    static String quoteIn(String status, TestUser owner) {
        String id = draft(owner);
        switch (status) {
            case "draft" -> {}
            case "submitted" -> transition(owner, id, "submit");
            case "cancelled" -> transition(owner, id, "cancel");
            default -> throw new IllegalArgumentException(status);
        }
        return id;
    }

    /** A new submitted quote of {@code owner} (version 1). */
    static String submitted(TestUser owner) {
        return quoteIn("submitted", owner);
    }

    /** The ids of the quote's items, in order. */
    static List<String> itemIds(TestUser user, String id) {
        return read(user, id).get("items").findValuesAsText("id");
    }

    static void transition(TestUser caller, String id, String action) {
        expect(RawHttp.Request.of("POST", BASE + "/" + id + "/" + action).as(caller), 200);
    }

    /** The quote as {@code user} reads it. */
    static JsonNode read(TestUser user, String id) {
        return expect(get(user, BASE + "/" + id), 200);
    }

    /** A price sheet for every item of the quote: 100 minor units each, 8.25 %, 30 days. */
    static String priceSheet(JsonNode quote) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : quote.get("items")) {
            lines.add("{\"id\":\"" + item.get("id").asText() + "\",\"unit_price_minor\":100}");
        }
        return "{\"items\":["
                + String.join(",", lines)
                + "],\"tax_rate_bps\":825,\"valid_until\":\""
                + Instant.now().plus(Duration.ofDays(30))
                + "\"}";
    }

    private static JsonNode expect(RawHttp.Request request, int status) {
        RawHttp.Response response = RawHttp.send(request);
        if (response.status() != status) {
            throw new AssertionError(
                    "set-up call "
                            + request.describe()
                            + " got "
                            + response.status()
                            + " "
                            + response.text());
        }
        return response.json();
    }
}
