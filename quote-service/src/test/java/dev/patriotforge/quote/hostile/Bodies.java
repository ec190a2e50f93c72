package dev.patriotforge.quote.hostile;

import dev.patriotforge.quote.hostile.HostileJson.Member;
import dev.patriotforge.testsupport.hostile.JsonLiteral;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Hostile bodies for each endpoint that takes one: the endpoint's template with members valid,
 * replaced or left out, any JSON document at all, garbage bytes, and deep nesting.
 */
final class Bodies {
    private Bodies() {}

    static Arbitrary<String> item() {
        return HostileJson.object(
                List.of(
                        new Member(
                                "description",
                                Arbitraries.strings()
                                        .alpha()
                                        .ofMinLength(1)
                                        .ofMaxLength(20)
                                        .map(JsonLiteral::string)),
                        new Member("quantity", Arbitraries.of("1", "2.5", "0.001", "1000000", "7")),
                        new Member("unit", Arbitraries.of("\"ea\"", "\"kg\"", "\"m\""))));
    }

    private static List<Member> quoteMembers() {
        return List.of(
                new Member(
                        "title",
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(30)
                                .map(JsonLiteral::string)),
                new Member(
                        "notes",
                        Arbitraries.strings().alpha().ofMaxLength(30).map(JsonLiteral::string)),
                new Member("currency", Arbitraries.of("\"USD\"", "\"EUR\"", "\"JPY\"")),
                new Member(
                        "items",
                        item().list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(l -> "[" + String.join(",", l) + "]")));
    }

    /** POST /api/quotes and PATCH /api/quotes/{id}: the same members (all optional in PATCH). */
    static Arbitrary<byte[]> quote() {
        return anyBody(HostileJson.object(quoteMembers()));
    }

    /** POST /api/quotes/{id}/price for a quote with these item ids. */
    static Arbitrary<byte[]> price(List<String> itemIds) {
        Arbitrary<String> line =
                HostileJson.object(
                        List.of(
                                new Member("id", Arbitraries.of(itemIds).map(JsonLiteral::string)),
                                new Member(
                                        "unit_price_minor",
                                        Arbitraries.longs()
                                                .between(0, 1_000_000)
                                                .map(String::valueOf))));
        Arbitrary<String> allLines =
                Arbitraries.just(
                        "["
                                + String.join(
                                        ",",
                                        itemIds.stream()
                                                .map(
                                                        id ->
                                                                "{\"id\":\""
                                                                        + id
                                                                        + "\",\"unit_price_minor\":100}")
                                                .toList())
                                + "]");
        return anyBody(
                HostileJson.object(
                        List.of(
                                new Member(
                                        "items",
                                        Arbitraries.oneOf(
                                                allLines,
                                                line.list()
                                                        .ofMinSize(1)
                                                        .ofMaxSize(3)
                                                        .map(
                                                                l ->
                                                                        "["
                                                                                + String.join(
                                                                                        ",", l)
                                                                                + "]"))),
                                new Member(
                                        "tax_rate_bps",
                                        Arbitraries.integers()
                                                .between(0, 10_000)
                                                .map(String::valueOf)),
                                new Member(
                                        "valid_until",
                                        Arbitraries.integers()
                                                .between(1, 360)
                                                .map(
                                                        days ->
                                                                JsonLiteral.string(
                                                                        Instant.now()
                                                                                .plus(
                                                                                        Duration
                                                                                                .ofDays(
                                                                                                        days))
                                                                                .toString()))))));
    }

    /** Mostly the template, else any JSON value, garbage, or deep nesting. */
    private static Arbitrary<byte[]> anyBody(Arbitrary<String> template) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, template.map(Bodies::utf8)),
                Tuple.of(3, HostileJson.value().map(Bodies::utf8)),
                Tuple.of(3, HostileJson.garbage()),
                Tuple.of(1, HostileJson.deep().map(Bodies::utf8)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
