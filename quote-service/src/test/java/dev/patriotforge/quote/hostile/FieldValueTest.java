package dev.patriotforge.quote.hostile;

import static dev.patriotforge.quote.support.QuoteApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patriotforge.quote.support.TestUser;
import dev.patriotforge.testsupport.hostile.Fuzz;
import dev.patriotforge.testsupport.hostile.HostileBody;
import dev.patriotforge.testsupport.http.RawHttp;
import dev.patriotforge.testsupport.http.RequestCount;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every field of every body, one at a time, given values of every wrong type (and a few random
 * ones): the answer accepts the value or is a 422 naming that field; nothing else changes. Plus the
 * two bodies the fuzzing found that used to slip through: a member named twice (was a 500) and an
 * unpaired surrogate (was stored as {@code ?}).
 */
@QuarkusTest
class FieldValueTest {
    private static final String V = "@V@";
    private static final String ITEM = "{\"description\":\"d\",\"quantity\":1,\"unit\":\"ea\"}";

    /** Each field of the create and update body, as a valid body with {@link #V} in its place. */
    private static final List<Field> QUOTE_FIELDS =
            List.of(
                    field(
                            "title",
                            "{\"title\":@V@,\"notes\":\"n\",\"currency\":\"USD\",\"items\":["
                                    + ITEM
                                    + "]}"),
                    field(
                            "notes",
                            "{\"title\":\"t\",\"notes\":@V@,\"currency\":\"USD\",\"items\":["
                                    + ITEM
                                    + "]}"),
                    field(
                            "currency",
                            "{\"title\":\"t\",\"notes\":\"n\",\"currency\":@V@,\"items\":["
                                    + ITEM
                                    + "]}"),
                    field(
                            "items",
                            "{\"title\":\"t\",\"notes\":\"n\",\"currency\":\"USD\",\"items\":@V@}"),
                    field(
                            "items[0].description",
                            "{\"title\":\"t\",\"items\":[{\"description\":@V@,\"quantity\":1,\"unit\":\"ea\"}]}"),
                    field(
                            "items[0].quantity",
                            "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":@V@,\"unit\":\"ea\"}]}"),
                    field(
                            "items[0].unit",
                            "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1,\"unit\":@V@}]}"));

    /** Values of every JSON type, and the extremes of each. */
    private static final List<String> WRONG =
            List.of(
                    "\"x\"",
                    "\"\"",
                    "0",
                    "-0",
                    "1e400",
                    "1e-400",
                    "1234567890123456789012345678901234567890",
                    "true",
                    "null",
                    "[]",
                    "{}",
                    "[\"x\"]",
                    "\"\\ud800\"",
                    "\"\\u0000\"");

    private static final ObjectMapper STRICT = new ObjectMapper();

    @Inject AgroalDataSource db;

    @BeforeAll
    static void startCounting() {
        RequestCount.start();
    }

    @AfterAll
    static void printCount() {
        RequestCount.print(FieldValueTest.class);
    }

    @Test
    void everyCreateFieldAcceptsAValueOrRefusesItByName() {
        Fuzz fuzz = Fuzz.named("create fields");
        Answers answers = new Answers(fuzz);
        Guard guard = new Guard(db, answers, TestUser.customer());
        for (Field field : QUOTE_FIELDS) {
            for (String value : values(fuzz)) {
                RawHttp.Request request =
                        RawHttp.Request.of("POST", BASE)
                                .as(guard.user())
                                .json(field.body().replace(V, value));
                namesTheField(answers, request, guard.send(request), field.path(), value);
            }
        }
        answers.report();
    }

    @Test
    void everyPatchFieldAcceptsAValueOrRefusesItByName() {
        Fuzz fuzz = Fuzz.named("patch fields");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        String id = Calls.draft(owner);
        Guard guard = new Guard(db, answers, owner);
        for (Field field : QUOTE_FIELDS) {
            for (String value : values(fuzz)) {
                RawHttp.Request request =
                        RawHttp.Request.of("PATCH", BASE + "/" + id)
                                .as(owner)
                                .header("If-Match", "*")
                                .json(field.body().replace(V, value));
                namesTheField(answers, request, guard.send(request), field.path(), value);
            }
        }
        answers.report();
    }

    @Test
    void everyPriceFieldAcceptsAValueOrRefusesItByName() {
        Fuzz fuzz = Fuzz.named("price fields");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String id = Calls.submitted(owner);
        List<String> items = Calls.itemIds(owner, id);
        Guard guard = new Guard(db, answers, owner);
        String until = "\"" + Instant.now().plusSeconds(86_400 * 30) + "\"";
        List<Function<List<String>, Field>> fields =
                List.of(
                        ids ->
                                field(
                                        "items",
                                        "{\"items\":@V@,\"tax_rate_bps\":825,\"valid_until\":"
                                                + until
                                                + "}"),
                        ids ->
                                field(
                                        "items[0].id",
                                        "{\"items\":[{\"id\":@V@,\"unit_price_minor\":1},{\"id\":\""
                                                + ids.get(1)
                                                + "\",\"unit_price_minor\":1}],\"tax_rate_bps\":825,\"valid_until\":"
                                                + until
                                                + "}"),
                        ids ->
                                field(
                                        "items[0].unit_price_minor",
                                        "{\"items\":[{\"id\":\""
                                                + ids.get(0)
                                                + "\",\"unit_price_minor\":@V@},{\"id\":\""
                                                + ids.get(1)
                                                + "\",\"unit_price_minor\":1}],\"tax_rate_bps\":825,\"valid_until\":"
                                                + until
                                                + "}"),
                        ids -> field("tax_rate_bps", priced(ids, V, until)),
                        ids -> field("valid_until", priced(ids, "825", V)));
        for (Function<List<String>, Field> template : fields) {
            for (String value : values(fuzz)) {
                Field field = template.apply(items);
                RawHttp.Request request =
                        RawHttp.Request.of("POST", BASE + "/" + id + "/price")
                                .as(staff)
                                .json(field.body().replace(V, value));
                RawHttp.Response response = guard.send(request);
                namesTheField(answers, request, response, field.path(), value);
                if (response.status() == 200) {
                    id = Calls.submitted(owner);
                    items = Calls.itemIds(owner, id);
                    guard.rebase();
                }
            }
        }
        answers.report();
    }

    @Test
    void aMemberNamedTwiceIsRefusedNotA500() {
        Fuzz fuzz = Fuzz.named("duplicate members");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        TestUser staff = TestUser.staff();
        String draft = Calls.draft(owner);
        String submitted = Calls.submitted(owner);
        List<String> items = Calls.itemIds(owner, submitted);
        Guard guard = new Guard(db, answers, owner);
        String item = "{\"description\":\"d\",\"quantity\":1,\"unit\":\"ea\",\"description\":{}}";
        String create =
                "{\"title\":\"t\",\"notes\":\"n\",\"currency\":\"USD\",\"items\":["
                        + ITEM
                        + "],\"title\":\"again\"}";
        List<RawHttp.Request> requests =
                List.of(
                        RawHttp.Request.of("POST", BASE).as(owner).json(create),
                        RawHttp.Request.of("POST", BASE)
                                .as(owner)
                                .json("{\"title\":\"t\",\"items\":[" + item + "]}"),
                        RawHttp.Request.of("PATCH", BASE + "/" + draft)
                                .as(owner)
                                .header("If-Match", "*")
                                .json(create),
                        RawHttp.Request.of("POST", BASE + "/" + submitted + "/price")
                                .as(staff)
                                .json(
                                        priced(
                                                        items,
                                                        "825",
                                                        "\""
                                                                + Instant.now().plusSeconds(86_400)
                                                                + "\"")
                                                .replaceFirst("\\}$", ",\"tax_rate_bps\":1}")));
        for (RawHttp.Request request : requests) {
            // Refused as it is read: 400 malformed_request, or 422 naming the member when the
            // parser meets the repeat inside a nested object. Either way a problem, not a 500.
            RawHttp.Response response = guard.refused(request);
            assertThat(response.json().path("code").asText())
                    .as(request.describe() + " -> " + response.text())
                    .isIn("malformed_request", "validation_failed");
        }
        answers.report();
    }

    @Test
    void unpairedSurrogatesAreRefusedByNameWhilePairsAreStoredAsSent() {
        Fuzz fuzz = Fuzz.named("surrogates");
        Answers answers = new Answers(fuzz);
        TestUser owner = TestUser.customer();
        String draft = Calls.draft(owner);
        Guard guard = new Guard(db, answers, owner);
        for (Field field : QUOTE_FIELDS) {
            if (field.path().equals("items")
                    || field.path().contains("quantity")
                    || field.path().equals("currency")) {
                continue;
            }
            for (String lone : List.of("\"\\ud800\"", "\"a\\udfffb\"", "\"\\udc00\\ud800\"")) {
                RawHttp.Request create =
                        RawHttp.Request.of("POST", BASE)
                                .as(owner)
                                .json(field.body().replace(V, lone));
                namesTheField(answers, create, guard.refused(create), field.path(), lone);
                RawHttp.Request patch =
                        RawHttp.Request.of("PATCH", BASE + "/" + draft)
                                .as(owner)
                                .header("If-Match", "*")
                                .json(field.body().replace(V, lone));
                namesTheField(answers, patch, guard.refused(patch), field.path(), lone);
            }
        }
        String pairs = "\"\\ud83d\\ude00 \ud835\udd18 caf\u00e9\"";
        RawHttp.Response created =
                guard.send(
                        RawHttp.Request.of("POST", BASE)
                                .as(owner)
                                .json(QUOTE_FIELDS.get(0).body().replace(V, pairs)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("title").asText())
                .isEqualTo("\ud83d\ude00 \ud835\udd18 caf\u00e9");
        answers.report();
    }

    /** The fixed wrong values and three random JSON values. */
    private static List<String> values(Fuzz fuzz) {
        List<String> values = new ArrayList<>(WRONG);
        fuzz.samples(QuoteHostile.VALUES.values(), 3).forEach(v -> values.add(HostileBody.text(v)));
        return values;
    }

    /**
     * 2xx, 413, or a 422 with an error on the field or inside it. A value that is not JSON at all
     * ({@code NaN}, {@code 01}) makes the body malformed: 400, or a 422 that Jackson pins on the
     * enclosing object (it wraps the parse error in a mapping error with the path so far).
     */
    private static void namesTheField(
            Answers answers,
            RawHttp.Request request,
            RawHttp.Response response,
            String field,
            String value) {
        int status = response.status();
        if (status < 300 || status == 413) {
            return;
        }
        if (!isJson(value) && (status == 400 || status == 422)) {
            return;
        }
        if (status == 422) {
            for (JsonNode error : response.json().path("errors")) {
                String named = error.path("field").asText();
                if (named.equals(field)
                        || named.startsWith(field + "[")
                        || named.startsWith(field + ".")) {
                    return;
                }
            }
        }
        answers.failWith(request, response, "the refusal does not name " + field);
    }

    private static boolean isJson(String value) {
        try {
            STRICT.readTree(value);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A field's path as errors name it, and a valid body with {@link #V} in its place. */
    private record Field(String path, String body) {}

    private static Field field(String path, String body) {
        return new Field(path, body);
    }

    private static String priced(List<String> ids, String tax, String until) {
        return "{\"items\":[{\"id\":\""
                + ids.get(0)
                + "\",\"unit_price_minor\":1},{\"id\":\""
                + ids.get(1)
                + "\",\"unit_price_minor\":1}],\"tax_rate_bps\":"
                + tax
                + ",\"valid_until\":"
                + until
                + "}";
    }
}
