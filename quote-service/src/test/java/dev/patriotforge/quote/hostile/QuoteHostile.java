package dev.patriotforge.quote.hostile;

import dev.patriotforge.testsupport.hostile.HostileBodies;
import dev.patriotforge.testsupport.hostile.HostileBodies.Field;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Raw;
import dev.patriotforge.testsupport.hostile.HostileBody.Valid;
import dev.patriotforge.testsupport.hostile.HostileValues;
import dev.patriotforge.testsupport.hostile.HostileValues.Vocabulary;
import dev.patriotforge.testsupport.hostile.Nesting;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What quote-service adds to test-support's hostile-JSON generator: its words (currencies,
 * statuses, its table), the length limits of the contract (unit 20, title 200, Idempotency-Key 255,
 * description 500, notes 5000), the members the server owns, and each body endpoint as its fields
 * with their valid values. The price body names the quote's items by placeholders ({@link
 * #itemId}), which the test fills with the real ids at send time.
 */
final class QuoteHostile {
    private static final List<String> WORDS =
            List.of(
                    "USD",
                    "usd",
                    "draft",
                    "accepted",
                    "\"; DROP TABLE forge_quotes; --",
                    "-999999999-01-01T00:00:00+18:00");

    private static final List<String> SERVER_OWNED =
            List.of(
                    "status",
                    "id",
                    "number",
                    "customer_id",
                    "version",
                    "subtotal_minor",
                    "tax_minor",
                    "total_minor",
                    "submitted_at",
                    "created_at",
                    "role",
                    "customerId",
                    "__proto__");

    static final HostileValues VALUES =
            new HostileValues(
                    new Vocabulary(WORDS, List.of(20, 200, 255, 500, 5_000), SERVER_OWNED));

    static final HostileBodies BODIES = new HostileBodies(VALUES);

    private QuoteHostile() {}

    /** A line of a create or update body. */
    static Gen<Object> item() {
        return BODIES.objects(
                List.of(
                        Field.of("description", letters(1, 20)),
                        Field.of(
                                "quantity",
                                Gens.of("1", "2.5", "0.001", "1000000", "7").map(Raw::new)),
                        Field.of("unit", Gens.of("ea", "kg", "m"))));
    }

    /** POST /api/quotes and PATCH /api/quotes/{id}: the same members (all optional in PATCH). */
    static Gen<Object> quote() {
        return BODIES.bodies(
                List.of(
                        Field.of("title", letters(1, 30)),
                        Field.of("notes", letters(0, 30)),
                        Field.of("currency", Gens.of("USD", "EUR", "JPY")),
                        Field.of("items", item().list(1, 3))));
    }

    private static Gen<String> letters(int min, int max) {
        return Texts.strings(Texts.alpha(), min, max);
    }

    /** The placeholder of the id of the quote's item {@code index}. */
    static Valid itemId(int index) {
        return new Valid("item " + index);
    }

    /** Which item a placeholder of {@link #itemId} stands for. */
    static int itemIndex(String placeholder) {
        return Integer.parseInt(placeholder.substring("item ".length()));
    }

    /** POST /api/quotes/{id}/price for a quote with {@code items} items. */
    static Gen<Object> price(int items) {
        List<Valid> ids = new ArrayList<>();
        List<Obj> allLines = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(itemId(i));
            allLines.add(Obj.of("id", itemId(i), "unit_price_minor", 100));
        }
        Gen<Object> line =
                BODIES.objects(
                        List.of(
                                Field.of("id", Gens.of(ids)),
                                Field.of("unit_price_minor", Gens.longs(0, 1_000_000))));
        return BODIES.bodies(
                List.of(
                        Field.of(
                                "items",
                                Gens.oneOf(Gens.constant(List.copyOf(allLines)), line.list(1, 3))),
                        Field.of("tax_rate_bps", Gens.ints(0, 10_000)),
                        Field.of(
                                "valid_until",
                                Gens.ints(1, 360)
                                        .map(
                                                days ->
                                                        Instant.now()
                                                                .plus(Duration.ofDays(days))
                                                                .toString()))));
    }

    /** Nesting thousands of levels deep: bare, and inside each kind of member of a quote. */
    static List<Object> deepBodies() {
        List<Object> bodies = new ArrayList<>();
        for (Raw deep : Nesting.of(999, 1_001, 5_000, 100_000)) {
            bodies.add(deep);
            bodies.add(Obj.of("title", "t", "items", List.of(deep)));
            bodies.add(Obj.of("title", deep));
            bodies.add(Obj.of("notes", "n", "x", deep));
        }
        return List.copyOf(bodies);
    }
}
