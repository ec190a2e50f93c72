package dev.patriotforge.quote.rest;

import static dev.patriotforge.quote.support.QuoteApi.action;
import static dev.patriotforge.quote.support.QuoteApi.createQuote;
import static dev.patriotforge.quote.support.QuoteApi.fetch;
import static dev.patriotforge.quote.support.QuoteApi.inDays;
import static dev.patriotforge.quote.support.QuoteApi.price;
import static dev.patriotforge.quote.support.QuoteApi.priceBody;
import static dev.patriotforge.quote.support.QuoteApi.submit;
import static dev.patriotforge.quote.support.QuoteApi.submittedQuote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.patriotforge.quote.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PricingTest {

    private static String quoteWith(TestUser owner, List<Map<String, Object>> items) {
        String id =
                createQuote(owner, Map.of("title", "Priced", "items", items))
                        .statusCode(201)
                        .extract()
                        .path("id");
        submit(owner, id).statusCode(200);
        return id;
    }

    private static Map<String, Object> sheet(
            TestUser staff, String id, List<Long> unitPrices, int taxRateBps) {
        List<String> ids = fetch(staff, id).extract().path("items.id");
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(Map.of("id", ids.get(i), "unit_price_minor", unitPrices.get(i)));
        }
        return Map.of("items", lines, "tax_rate_bps", taxRateBps, "valid_until", inDays(30));
    }

    @Test
    void pricingComputesLineTotalsTaxAndTotalWithBankersRounding() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id =
                quoteWith(
                        owner,
                        List.of(
                                Map.of("description", "Panel", "quantity", 2.5),
                                Map.of("description", "Post", "quantity", 12),
                                Map.of("description", "Half", "quantity", 0.5),
                                Map.of("description", "Other half", "quantity", 2.5)));
        // 2.5 * 1999 = 4997.5 -> 4998; 12 * 1999 = 23988; 0.5 * 3 = 1.5 -> 2; 2.5 * 1 = 2.5 -> 2
        // subtotal 28990; tax 28990 * 825 / 10000 = 2391.675 -> 2392; total 31382
        price(staff, id, sheet(staff, id, List.of(1999L, 1999L, 3L, 1L), 825))
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("priced"))
                .body("items[0].unit_price_minor", equalTo(1999))
                .body("items[0].line_total_minor", equalTo(4998))
                .body("items[1].line_total_minor", equalTo(23988))
                .body("items[2].line_total_minor", equalTo(2))
                .body("items[3].line_total_minor", equalTo(2))
                .body("subtotal_minor", equalTo(28990))
                .body("tax_rate_bps", equalTo(825))
                .body("tax_minor", equalTo(2392))
                .body("total_minor", equalTo(31382))
                .body("priced_at", notNullValue())
                .body("valid_until", notNullValue());
    }

    @Test
    void taxRoundsHalfToEven() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = quoteWith(owner, List.of(Map.of("description", "Bolt", "quantity", 1)));
        // 250 * 50 / 10000 = 1.25 -> 1; total 251
        price(staff, id, sheet(staff, id, List.of(250L), 50))
                .statusCode(200)
                .body("tax_minor", equalTo(1))
                .body("total_minor", equalTo(251));
        String other = quoteWith(owner, List.of(Map.of("description", "Bolt", "quantity", 1)));
        // 300 * 50 / 10000 = 1.5 -> 2 (half-down would give 1)
        price(staff, other, sheet(staff, other, List.of(300L), 50))
                .statusCode(200)
                .body("tax_minor", equalTo(2));
        // Exact halves after an even digit: half-up would round these up.
        // 500 * 50 / 10000 = 2.5 -> 2; total 502
        taxOf(owner, staff, 500L, 50)
                .body("tax_minor", equalTo(2))
                .body("total_minor", equalTo(502));
        // 100 * 50 / 10000 = 0.5 -> 0; total 100
        taxOf(owner, staff, 100L, 50)
                .body("tax_minor", equalTo(0))
                .body("total_minor", equalTo(100));
        // 2285 * 1000 / 10000 = 228.5 -> 228; total 2513
        taxOf(owner, staff, 2285L, 1000)
                .body("tax_minor", equalTo(228))
                .body("total_minor", equalTo(2513));
        // 3500 * 10 / 10000 = 3.5 -> 4 (after an odd digit: up)
        taxOf(owner, staff, 3500L, 10).body("tax_minor", equalTo(4));
    }

    /** Prices a fresh one-line quote at {@code unitPrice} and {@code taxRateBps}. */
    private static ValidatableResponse taxOf(
            TestUser owner, TestUser staff, long unitPrice, int taxRateBps) {
        String id = quoteWith(owner, List.of(Map.of("description", "Bolt", "quantity", 1)));
        return price(staff, id, sheet(staff, id, List.of(unitPrice), taxRateBps)).statusCode(200);
    }

    @Test
    void adminMayPriceAndZeroPricesAreAllowed() {
        TestUser owner = TestUser.customer();
        TestUser admin = TestUser.admin();
        String id = submittedQuote(owner);
        price(admin, id, sheet(admin, id, List.of(0L, 0L), 0))
                .statusCode(200)
                .body("total_minor", equalTo(0));
    }

    @Test
    void everyItemMustBePricedExactlyOnce() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedQuote(owner);
        List<String> ids = fetch(staff, id).extract().path("items.id");
        Map<String, Object> missing =
                Map.of(
                        "items",
                        List.of(Map.of("id", ids.get(0), "unit_price_minor", 100)),
                        "tax_rate_bps",
                        0,
                        "valid_until",
                        inDays(5));
        price(staff, id, missing)
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("items"));
        Map<String, Object> twice =
                Map.of(
                        "items",
                        List.of(
                                Map.of("id", ids.get(0), "unit_price_minor", 100),
                                Map.of("id", ids.get(0), "unit_price_minor", 100),
                                Map.of("id", ids.get(1), "unit_price_minor", 100)),
                        "tax_rate_bps",
                        0,
                        "valid_until",
                        inDays(5));
        price(staff, id, twice).statusCode(422).body("errors.field", hasItem("items[1].id"));
        Map<String, Object> unknown =
                Map.of(
                        "items",
                        List.of(
                                Map.of("id", ids.get(0), "unit_price_minor", 100),
                                Map.of(
                                        "id",
                                        java.util.UUID.randomUUID().toString(),
                                        "unit_price_minor",
                                        100)),
                        "tax_rate_bps",
                        0,
                        "valid_until",
                        inDays(5));
        price(staff, id, unknown).statusCode(422).body("errors.field", hasItem("items[1].id"));
        fetch(owner, id).body("status", equalTo("submitted"));
    }

    @Test
    void validUntilMustBeInTheFutureAndWithinAYear() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedQuote(owner);
        String past = Instant.now().minusSeconds(60).toString();
        price(staff, id, priceBody(staff, id, past))
                .statusCode(422)
                .body("errors.field", hasItem("valid_until"));
        String tooFar = Instant.now().atZone(ZoneOffset.UTC).plusYears(1).plusDays(1).toString();
        price(staff, id, priceBody(staff, id, tooFar))
                .statusCode(422)
                .body("errors.field", hasItem("valid_until"));
        price(staff, id, priceBody(staff, id, inDays(364))).statusCode(200);
    }

    @Test
    void priceBodyIsValidatedFieldByField() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedQuote(owner);
        Map<String, Object> good = priceBody(staff, id, inDays(5));
        assertInvalid(staff, id, with(good, "tax_rate_bps", 10001), "tax_rate_bps");
        assertInvalid(staff, id, with(good, "tax_rate_bps", -1), "tax_rate_bps");
        assertInvalid(staff, id, with(good, "tax_rate_bps", 8.25), "tax_rate_bps");
        assertInvalid(staff, id, with(good, "tax_rate_bps", "825"), "tax_rate_bps");
        assertInvalid(
                staff,
                id,
                with(good, "tax_rate_bps", new java.math.BigInteger("99999999999999999999999")),
                "tax_rate_bps");
        assertInvalid(staff, id, with(good, "valid_until", 1_900_000_000), "valid_until");
        assertInvalid(staff, id, with(good, "valid_until", "2030-01-01T00:00:00"), "valid_until");
        assertInvalid(staff, id, with(good, "valid_until", "tomorrow"), "valid_until");
        assertInvalid(staff, id, without(good, "valid_until"), "valid_until");
        assertInvalid(staff, id, with(good, "extra", 1), "extra");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) good.get("items");
        String itemId = (String) items.get(0).get("id");
        List<Map<String, Object>> negative =
                List.of(Map.of("id", itemId, "unit_price_minor", -1), items.get(1));
        assertInvalid(staff, id, with(good, "items", negative), "items[0].unit_price_minor");
        List<Map<String, Object>> huge =
                List.of(
                        Map.of(
                                "id",
                                itemId,
                                "unit_price_minor",
                                new java.math.BigInteger("123456789012345678901234567890")),
                        items.get(1));
        assertInvalid(staff, id, with(good, "items", huge), "items[0].unit_price_minor");
        List<Map<String, Object>> badId =
                List.of(Map.of("id", "nope", "unit_price_minor", 1), items.get(1));
        assertInvalid(staff, id, with(good, "items", badId), "items[0].id");
        fetch(owner, id).body("status", equalTo("submitted"));
    }

    @Test
    void aTotalBeyondWhatJsonCarriesExactlyIsRefused() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = quoteWith(owner, List.of(Map.of("description", "Gold", "quantity", 1000000)));
        price(staff, id, sheet(staff, id, List.of(9_007_199_254_740_991L), 0))
                .statusCode(422)
                .body("errors.field", hasItem("items"));
    }

    @Test
    void customerCannotPriceEvenTheirOwnQuote() {
        TestUser owner = TestUser.customer();
        String id = submittedQuote(owner);
        price(owner, id, priceBody(owner, id, inDays(5)))
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void acceptRecordsTheDecision() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = submittedQuote(owner);
        price(staff, id, priceBody(staff, id, inDays(5))).statusCode(200);
        action(owner, id, "accept")
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("decided_at", notNullValue());
    }

    private static void assertInvalid(
            TestUser staff, String id, Map<String, Object> body, String field) {
        price(staff, id, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }
}
