package dev.patriotforge.quote.hostile;

import dev.patriotforge.testsupport.hostile.JsonLiteral;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what an attacker puts in a JSON body, as JSON text: strings that are empty,
 * huge, full of control characters, lone surrogates ({@code \ud800}) and other odd Unicode; numbers
 * far outside every range ({@code 1e400}, {@code -0}, {@code 1e-400}, 40-digit integers); values of
 * the wrong type; nesting thousands of levels deep; and bytes that are not JSON or not UTF-8.
 */
final class HostileJson {
    /** A member of an object template: its name and what a valid value looks like. */
    record Member(String name, Arbitrary<String> valid) {}

    private HostileJson() {}

    /** Strings an attacker might send, as Java strings (lone surrogates included). */
    static Arbitrary<String> text() {
        Arbitrary<String> special =
                Arbitraries.of(
                        "",
                        " ",
                        "\t\r\n",
                        "\u0000",
                        "a\u0000b",
                        "\u0001\u001f\u007f",
                        "\ud800",
                        "\udfff",
                        "x\udbffy",
                        "\udc00\ud800",
                        "\ud83d\ude00",
                        "\ufeff",
                        "\ufffe\uffff",
                        "\u202eevil\u202c",
                        "\u200b\u200d\u2060",
                        "e\u0301\u0301\u0301",
                        "\u0085\u2028\u2029",
                        "\uD835\uDD18\uD835\uDD2B\uD835\uDD26",
                        "../../../../etc/passwd",
                        "%00",
                        "%zz",
                        "' OR '1'='1' --",
                        "\"; DROP TABLE forge_quotes; --",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://127.0.0.1/x}",
                        "#{7*7}",
                        "USD",
                        "usd",
                        "draft",
                        "accepted",
                        "00000000-0000-0000-0000-000000000000",
                        "1-1-1-1-1",
                        "2026-13-45T25:61:61Z",
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00+18:00",
                        "NaN",
                        "1e400");
        Arbitrary<String> huge =
                Arbitraries.of(201, 501, 5_001, 100_000, 400_000)
                        .flatMap(
                                n ->
                                        Arbitraries.of("x", "\u00e9", "\ud83d\ude00", "\u0000")
                                                .map(unit -> unit.repeat(n)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, special),
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(6)),
                Tuple.of(
                        2, Arbitraries.strings().withCharRange('\u0080', '\u07ff').ofMaxLength(20)),
                Tuple.of(1, huge));
    }

    /** JSON number literals far outside every range, and near-numbers that are not JSON. */
    static Arbitrary<String> number() {
        Arbitrary<String> special =
                Arbitraries.of(
                        "0",
                        "-0",
                        "-0.0",
                        "0.000",
                        "1e400",
                        "-1e400",
                        "1e-400",
                        "1E+2147483648",
                        "1e-2147483649",
                        "1e999999999999",
                        "99999999999999999999999999999999999999",
                        "-9223372036854775809",
                        "9223372036854775808",
                        "2147483648",
                        "9007199254740993",
                        "1000000",
                        "1000000.001",
                        "1000000.0000000000001",
                        "0.001",
                        "0.0001",
                        "1.5",
                        "-1",
                        "1e2",
                        "1E3",
                        "0." + "0".repeat(900) + "1",
                        "9".repeat(1200),
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "+1",
                        "01",
                        ".5",
                        "1.",
                        "0x10",
                        "1e",
                        "--1");
        return Arbitraries.oneOf(
                special,
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N")),
                Arbitraries.bigIntegers()
                        .between(
                                new java.math.BigInteger("-1" + "0".repeat(40)),
                                new java.math.BigInteger("1" + "0".repeat(40)))
                        .map(String::valueOf),
                Arbitraries.bigDecimals()
                        .between(
                                new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(6)
                        .map(java.math.BigDecimal::toPlainString));
    }

    /** Any JSON value, nested up to three levels, with hostile strings, numbers and keys. */
    static Arbitrary<String> value() {
        Arbitrary<String> scalar =
                Arbitraries.frequencyOf(
                        Tuple.of(4, text().map(JsonLiteral::string)),
                        Tuple.of(4, number()),
                        Tuple.of(2, Arbitraries.of("true", "false", "null")));
        return Arbitraries.recursive(
                () -> scalar,
                inner ->
                        Arbitraries.oneOf(
                                inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                                Combinators.combine(text(), inner)
                                        .as((k, v) -> JsonLiteral.string(k) + ":" + v)
                                        .list()
                                        .ofMaxSize(3)
                                        .map(l -> "{" + String.join(",", l) + "}")),
                0,
                3);
    }

    /**
     * An object from a template: each member valid, replaced by a hostile value or left out, and
     * now and then an unknown member or a duplicate of a known one.
     */
    static Arbitrary<String> object(List<Member> members) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Member member : members) {
            String key = JsonLiteral.string(member.name()) + ":";
            parts.add(
                    Arbitraries.frequencyOf(
                            Tuple.of(6, member.valid().map(v -> key + v)),
                            Tuple.of(3, value().map(v -> key + v)),
                            Tuple.of(1, Arbitraries.just(""))));
        }
        Arbitrary<String> extra =
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just("")),
                        Tuple.of(
                                1,
                                Combinators.combine(text(), value())
                                        .as((k, v) -> JsonLiteral.string(k) + ":" + v)),
                        Tuple.of(
                                1,
                                Combinators.combine(
                                                Arbitraries.of(
                                                        members.stream()
                                                                .map(Member::name)
                                                                .toList()),
                                                value())
                                        .as((k, v) -> JsonLiteral.string(k) + ":" + v)));
        parts.add(extra);
        return Combinators.combine(parts)
                .as(
                        list ->
                                "{"
                                        + String.join(
                                                ",",
                                                list.stream().filter(p -> !p.isEmpty()).toList())
                                        + "}");
    }

    /** An array of {@code element}s with a length around the allowed range. */
    static Arbitrary<String> array(Arbitrary<String> element, int maxSize) {
        return element.list().ofMaxSize(maxSize).map(l -> "[" + String.join(",", l) + "]");
    }

    /** Nesting far deeper than a parser should follow, bare and inside a create body. */
    static Arbitrary<String> deep() {
        return Arbitraries.of(deepBodies());
    }

    /** Every deeply nested body: 999 to 100 000 levels of arrays and objects, in six shapes. */
    static List<String> deepBodies() {
        List<String> bodies = new ArrayList<>();
        for (int n : new int[] {999, 1_001, 5_000, 100_000}) {
            bodies.add("[".repeat(n) + "]".repeat(n));
            bodies.add("{\"a\":".repeat(n) + "1" + "}".repeat(n));
            bodies.add("{\"title\":\"t\",\"items\":[" + "[".repeat(n) + "]".repeat(n) + "]}");
            bodies.add("{\"title\":" + "{\"a\":".repeat(n) + "null" + "}".repeat(n) + "}");
            bodies.add("{\"notes\":\"n\",\"x\":" + "[".repeat(n) + "]".repeat(n) + "}");
            bodies.add("[".repeat(n));
        }
        return List.copyOf(bodies);
    }

    /** Bodies that are not JSON, not UTF-8, or JSON in another encoding. */
    static Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> fixed =
                Arbitraries.of(
                                "",
                                " ",
                                "{",
                                "}",
                                "[",
                                "{\"title\":",
                                "{\"title\" \"x\"}",
                                "{'title':'x'}",
                                "{title:\"x\"}",
                                "{\"title\":\"x\",}",
                                "[1,]",
                                "{} {}",
                                "{}x",
                                "null",
                                "\"just a string\"",
                                "42",
                                "\ufeff{}",
                                "/* comment */ {}",
                                "// comment\n{}",
                                "\"\\x41\"",
                                "{\"title\":\"\\u12\"}",
                                "{\"title\":\"unterminated",
                                "{\"title\":\"a\u0001b\"}",
                                "{\"title\":\"a\n"
                                        + "b\",\"items\":[{\"description\":\"d\",\"quantity\":1}]}",
                                "{\"items\":[{\"description\":\"d\",\"quantity\":NaN}],\"title\":\"t\"}",
                                "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1}]}\u0000",
                                "{\"title\":\"t\",\"title\":{},\"items\":[]}",
                                "{\"\":\"\"}",
                                "{\"\\u0000\":1}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8));
        String valid = "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1}]}";
        Arbitrary<byte[]> encodings =
                Arbitraries.of(
                        bytes(0xc0, 0xaf),
                        bytes(0xff, 0xfe),
                        concat("{\"title\":\"", bytes(0xed, 0xa0, 0x80), "\"}"),
                        concat("{\"title\":\"", bytes(0xc3), "\"}"),
                        concat("{\"title\":\"", bytes(0xf8, 0x88, 0x80, 0x80, 0x80), "\"}"),
                        concat("{\"title\":\"", bytes(0xc0, 0x80), "\"}"),
                        valid.getBytes(StandardCharsets.UTF_16LE),
                        valid.getBytes(StandardCharsets.UTF_16BE),
                        valid.getBytes(Charset.forName("UTF-32")),
                        Base64.getDecoder().decode("/v8AewB9"));
        return Arbitraries.oneOf(
                fixed, encodings, Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
