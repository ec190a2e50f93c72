package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fields the server owns (who owns the quote, its status, version, number, money, timestamps, the
 * caller's role) sent in a create, update or price body, at the top and inside items: each is
 * refused with 422 {@code validation_failed} naming the field, with a believable value and with
 * null, and nothing of it is applied: the caller's rows are unchanged after every request.
 */
@QuarkusTest
class MassAssignmentTest {
    private static final String SOMEONE = "\"" + UUID.randomUUID() + "\"";
    private static final String WHEN = "\"2030-01-01T00:00:00Z\"";

    /** Server-owned members of a quote, with a value an attacker would like to see applied. */
    private static final Map<String, String> QUOTE_FIELDS =
            members(
                    "id", SOMEONE,
                    "number", "\"Q-1999-000001\"",
                    "customer_id", SOMEONE,
                    "status", "\"accepted\"",
                    "version", "99",
                    "subtotal_minor", "1",
                    "tax_rate_bps", "0",
                    "tax_minor", "0",
                    "total_minor", "1",
                    "valid_until", WHEN,
                    "submitted_at", WHEN,
                    "priced_at", WHEN,
                    "decided_at", WHEN,
                    "created_at", WHEN,
                    "updated_at", WHEN,
                    "deleted_at", WHEN,
                    "role", "\"admin\"",
                    "customerId", SOMEONE,
                    "STATUS", "\"accepted\"");

    /** Server-owned members of a line of a create or update body. */
    private static final Map<String, String> ITEM_FIELDS =
            members(
                    "id",
                    SOMEONE,
                    "position",
                    "7",
                    "unit_price_minor",
                    "1",
                    "line_total_minor",
                    "1",
                    "quote_id",
                    SOMEONE,
                    "created_at",
                    WHEN);

    /** What a price sheet must not carry (it has items, tax_rate_bps and valid_until). */
    private static final Map<String, String> PRICE_FIELDS =
            members(
                    "status", "\"accepted\"",
                    "customer_id", SOMEONE,
                    "version", "99",
                    "id", SOMEONE,
                    "number", "\"Q-1999-000001\"",
                    "subtotal_minor", "1",
                    "tax_minor", "0",
                    "total_minor", "1",
                    "created_at", WHEN,
                    "priced_at", WHEN,
                    "decided_at", WHEN,
                    "role", "\"admin\"",
                    "currency", "\"EUR\"",
                    "title", "\"Cheaper\"");

    /** What a line of a price sheet must not carry (it has id and unit_price_minor). */
    private static final Map<String, String> PRICE_ITEM_FIELDS =
            members(
                    "line_total_minor", "1",
                    "quantity", "1000",
                    "description", "\"Cheaper\"",
                    "position", "1",
                    "quote_id", SOMEONE);

    private final Answers answers = new Answers(Fuzz.fixed("mass assignment"));

    @Inject AgroalDataSource db;

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(MassAssignmentTest.class);
    }

    @Test
    void createRefusesEveryServerOwnedFieldByNameAndCreatesNothing() {
        TestUser caller = TestUser.customer();
        String rows = QuoteRows.of(db, caller.id());
        for (Map.Entry<String, String> field : QUOTE_FIELDS.entrySet()) {
            for (String value : List.of(field.getValue(), "null")) {
                refuses(
                        create(caller, withMember(Calls.VALID_QUOTE, field.getKey(), value)),
                        field.getKey(),
                        caller,
                        rows);
            }
        }
        for (Map.Entry<String, String> field : ITEM_FIELDS.entrySet()) {
            refuses(
                    create(caller, withItemMember(field.getKey(), field.getValue())),
                    "items[0]." + field.getKey(),
                    caller,
                    rows);
        }
        refuses(
                create(caller, withMember(Calls.VALID_QUOTE, "st\\u0061tus", "\"accepted\"")),
                "status",
                caller,
                rows);
        JsonNode page = answers.send(Calls.get(caller, BASE)).json();
        if (!page.get("items").isEmpty()) {
            throw new AssertionError("a refused create left a quote: " + page);
        }
    }

    @Test
    void patchRefusesEveryServerOwnedFieldByNameAndChangesNothing() {
        TestUser owner = TestUser.customer();
        String id = Calls.draft(owner);
        JsonNode before = Calls.read(owner, id);
        String rows = QuoteRows.of(db, owner.id());
        for (Map.Entry<String, String> field : QUOTE_FIELDS.entrySet()) {
            for (String value : List.of(field.getValue(), "null")) {
                String body = withMember("{\"title\":\"Changed\"}", field.getKey(), value);
                refuses(patch(owner, id, body), field.getKey(), owner, rows);
            }
        }
        for (Map.Entry<String, String> field : ITEM_FIELDS.entrySet()) {
            String body = withItemMember(field.getKey(), field.getValue());
            refuses(patch(owner, id, body), "items[0]." + field.getKey(), owner, rows);
        }
        sameQuote(before, Calls.read(owner, id));
    }

    @Test
    void priceRefusesEveryFieldOutsideThePriceSheetAndChangesNothing() {
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = Calls.quoteIn("submitted", owner);
        JsonNode before = Calls.read(owner, id);
        String sheet = Calls.priceSheet(before);
        String rows = QuoteRows.of(db, owner.id());
        for (Map.Entry<String, String> field : PRICE_FIELDS.entrySet()) {
            refuses(
                    price(staff, id, withMember(sheet, field.getKey(), field.getValue())),
                    field.getKey(),
                    owner,
                    rows);
        }
        for (Map.Entry<String, String> field : PRICE_ITEM_FIELDS.entrySet()) {
            String line = ",\"" + field.getKey() + "\":" + field.getValue() + "}";
            refuses(
                    price(
                            staff,
                            id,
                            sheet.replaceFirst(
                                    "\\}", java.util.regex.Matcher.quoteReplacement(line))),
                    "items[0]." + field.getKey(),
                    owner,
                    rows);
        }
        sameQuote(before, Calls.read(owner, id));
    }

    @Test
    void queryParametersOnCreateAreNotBoundIntoTheQuote() {
        TestUser caller = TestUser.customer();
        RawHttp.Response response =
                answers.send(
                        RawHttp.Request.of(
                                        "POST",
                                        BASE
                                                + "?status=accepted&customer_id="
                                                + UUID.randomUUID()
                                                + "&version=99&total_minor=1")
                                .as(caller)
                                .json(Calls.VALID_QUOTE));
        JsonNode quote = response.json();
        if (response.status() != 201
                || !quote.get("status").asText().equals("draft")
                || !quote.get("customer_id").asText().equals(caller.id().toString())
                || quote.get("version").asInt() != 0
                || !quote.get("total_minor").isNull()) {
            throw new AssertionError("query parameters reached the quote: " + response.text());
        }
    }

    @Test
    void aTransitionAppliesNothingFromABodyItDoesNotRead() {
        TestUser owner = TestUser.customer();
        String id = Calls.draft(owner);
        StringBuilder body = new StringBuilder("{\"title\":\"Hijacked\"");
        QUOTE_FIELDS.forEach((k, v) -> body.append(",\"").append(k).append("\":").append(v));
        body.append('}');
        for (String action : List.of("submit", "cancel")) {
            RawHttp.Request request =
                    RawHttp.Request.of("POST", BASE + "/" + id + "/" + action)
                            .as(owner)
                            .json(body.toString());
            RawHttp.Response response = answers.send(request);
            if (response.status() != 200) {
                answers.failWith(request, response, "the transition itself is allowed");
            }
        }
        JsonNode quote = Calls.read(owner, id);
        if (!quote.get("status").asText().equals("cancelled")
                || !quote.get("customer_id").asText().equals(owner.id().toString())
                || !quote.get("title").asText().equals("Gate hardware")
                || quote.get("version").asInt() != 2
                || !quote.get("number").asText().startsWith("Q-2")
                || !quote.get("total_minor").isNull()
                || !quote.get("valid_until").isNull()) {
            throw new AssertionError("a transition applied its body: " + quote);
        }
    }

    /** 422 validation_failed naming {@code field}, and the owner's rows exactly as before. */
    private void refuses(RawHttp.Request request, String field, TestUser owner, String rows) {
        RawHttp.Response response = answers.send(request);
        JsonNode problem = response.json();
        if (response.status() != 422
                || !problem.path("code").asText().equals("validation_failed")
                || !problem.path("errors").findValuesAsText("field").contains(field)) {
            answers.failWith(request, response, "expected 422 validation_failed naming " + field);
        }
        String now = QuoteRows.of(db, owner.id());
        if (!now.equals(rows)) {
            answers.failWith(
                    request, response, "the refused request changed " + rows + " -> " + now);
        }
    }

    private static void sameQuote(JsonNode before, JsonNode after) {
        if (!before.equals(after)) {
            throw new AssertionError("the quote changed: " + before + " -> " + after);
        }
    }

    private static RawHttp.Request create(TestUser caller, String body) {
        return RawHttp.Request.of("POST", BASE).as(caller).json(body);
    }

    private static RawHttp.Request patch(TestUser owner, String id, String body) {
        return RawHttp.Request.of("PATCH", BASE + "/" + id)
                .as(owner)
                .header("If-Match", "\"0\"")
                .json(body);
    }

    private static RawHttp.Request price(TestUser staff, String id, String body) {
        return RawHttp.Request.of("POST", BASE + "/" + id + "/price").as(staff).json(body);
    }

    /** {@code object} (JSON text) with one more member at its end. */
    private static String withMember(String object, String name, String value) {
        return object.substring(0, object.length() - 1) + ",\"" + name + "\":" + value + "}";
    }

    /** A create body whose only line carries one more member. */
    private static String withItemMember(String name, String value) {
        return "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1,\""
                + name
                + "\":"
                + value
                + "}]}";
    }

    private static Map<String, String> members(String... namesAndValues) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }
}
