package dev.patriotforge.testsupport.hostile;

import dev.patriotforge.testsupport.hostile.HostileBody.Bytes;
import dev.patriotforge.testsupport.hostile.HostileBody.Encoded;
import dev.patriotforge.testsupport.hostile.HostileBody.Member;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Valid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of hostile request bodies for an endpoint described by its {@link Field}s: the
 * endpoint's object with each field valid, hostile, deeply nested, named twice or left out, and now
 * and then a member it does not have; any JSON value at all; deep nesting; text that is not JSON;
 * bytes that are not UTF-8; the body in another charset. Write a drawn body with {@link
 * HostileBody#render}.
 */
public final class HostileBodies {
    /**
     * A field of an endpoint's body and its valid values: drawn ones, or {@link #placeholder} for a
     * value the caller supplies at send time.
     */
    public record Field(String name, Arbitrary<Object> valid) {
        /** A field whose valid value is a {@link Valid} placeholder, filled by the caller. */
        public static Field placeholder(String name) {
            return new Field(name, Arbitraries.just(new Valid(name)));
        }

        /** A field whose valid values are drawn from {@code valid}. */
        public static Field of(String name, Arbitrary<?> valid) {
            return new Field(name, valid.map(v -> (Object) v));
        }
    }

    /** Bytes that are not UTF-8: overlong forms, surrogates, truncated and impossible sequences. */
    private static final List<byte[]> NOT_UTF8 =
            List.of(
                    bytes(0xC3, 0x28),
                    bytes(0xFF, 0xFE),
                    bytes(0xC0, 0xAF),
                    bytes(0xC0, 0x80),
                    bytes(0xED, 0xA0, 0x80),
                    bytes(0xF4, 0x90, 0x80, 0x80),
                    bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
                    bytes(0xE2, 0x82),
                    bytes(0xC3));

    private static final List<Charset> CHARSETS =
            List.of(
                    StandardCharsets.UTF_16,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE,
                    Charset.forName("UTF-32"));

    private final HostileValues values;

    public HostileBodies(HostileValues values) {
        this.values = values;
    }

    public HostileValues values() {
        return values;
    }

    /** Mostly the endpoint's object, else any value, deep nesting, not JSON, not UTF-8. */
    public Arbitrary<Object> bodies(List<Field> fields) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, objects(fields)),
                Tuple.of(3, values.values()),
                Tuple.of(1, Nesting.deep()),
                Tuple.of(2, notJson(fields.get(0).name())),
                Tuple.of(1, notUtf8(fields.get(0).name())),
                Tuple.of(1, otherCharsets(fields)),
                Tuple.of(
                        1,
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(64)
                                .map(b -> (Object) new Bytes(b))));
    }

    /**
     * The endpoint's object: each field left out, valid, hostile, deeply nested, or valid and then
     * named again; and now and then a member the endpoint does not have, or a field repeated.
     */
    public Arbitrary<Object> objects(List<Field> fields) {
        List<Arbitrary<List<Member>>> parts = new ArrayList<>();
        for (Field field : fields) {
            String name = field.name();
            parts.add(
                    Arbitraries.frequencyOf(
                            Tuple.of(1, Arbitraries.just(List.<Member>of())),
                            Tuple.of(5, field.valid().map(v -> List.of(new Member(name, v)))),
                            Tuple.of(4, values.values().map(v -> List.of(new Member(name, v)))),
                            Tuple.of(1, Nesting.deep().map(v -> List.of(new Member(name, v)))),
                            Tuple.of(
                                    1,
                                    Combinators.combine(field.valid(), values.strings())
                                            .as(
                                                    (v, s) ->
                                                            List.of(
                                                                    new Member(name, v),
                                                                    new Member(name, s))))));
        }
        List<String> names = fields.stream().map(Field::name).toList();
        parts.add(
                Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.just(List.<Member>of())),
                        Tuple.of(
                                1,
                                Combinators.combine(values.memberNames(), values.values())
                                        .as((k, v) -> List.of(new Member(k, v)))),
                        Tuple.of(
                                1,
                                Combinators.combine(Arbitraries.of(names), values.values())
                                        .as((k, v) -> List.of(new Member(k, v))))));
        return Combinators.combine(parts)
                .as(
                        lists -> {
                            List<Member> members = new ArrayList<>();
                            lists.forEach(members::addAll);
                            return new Obj(members);
                        });
    }

    /** The endpoint's object with every field valid. */
    public static Arbitrary<Obj> valid(List<Field> fields) {
        List<Arbitrary<Member>> members = new ArrayList<>();
        for (Field field : fields) {
            members.add(field.valid().map(v -> new Member(field.name(), v)));
        }
        return Combinators.combine(members).as(Obj::new);
    }

    /** Texts that are not JSON, or not one JSON value; {@code field} names a member. */
    public Arbitrary<Object> notJson(String field) {
        String f = JsonLiteral.string(field);
        String key = JsonLiteral.string(values.keys().isEmpty() ? "a" : values.keys().get(0));
        return Arbitraries.of(
                        "",
                        " ",
                        "{",
                        "}",
                        "[",
                        "[1,]",
                        "{\"a\":1,}",
                        "{} {}",
                        "{}{}",
                        "{}x",
                        "{} trailing",
                        "nul",
                        "NaN",
                        "\ufeff{}",
                        "/* comment */ {}",
                        "// comment\n{}",
                        "\"\\x41\"",
                        "\"\\uD8\"",
                        "{\"\":\"\"}",
                        "{\"\\u0000\":1}",
                        "<user role=\"admin\"/>",
                        "a=b&c=d",
                        "{" + f + ": ",
                        "{" + f + " \"x\"}",
                        "{'" + field + "':'x'}",
                        "{" + field + ":\"x\"}",
                        "{" + f + ":\"x\",}",
                        "{" + f + ":\"\\u12\"}",
                        "{" + f + ":\"unterminated",
                        "{" + f + ":\"a\u0001b\"}",
                        "{" + f + ":\"a\nb\"}",
                        "{" + f + ":\"x\"}\u0000",
                        "{" + f + ":\"a\"} {" + key + ":\"admin\"}")
                .map(text -> (Object) Bytes.utf8(text));
    }

    /** Bytes that are not UTF-8, alone or inside the string value of {@code field}. */
    public static Arbitrary<Object> notUtf8(String field) {
        return Combinators.combine(Arbitraries.of(NOT_UTF8), Arbitraries.of(true, false))
                .as(
                        (bad, alone) -> {
                            if (alone) {
                                return new Bytes(bad);
                            }
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.writeBytes(
                                    ("{" + JsonLiteral.string(field) + ":\"a")
                                            .getBytes(StandardCharsets.UTF_8));
                            out.writeBytes(bad);
                            out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
                            return new Bytes(out.toByteArray());
                        });
    }

    /** The endpoint's valid object in UTF-16 or UTF-32. */
    public static Arbitrary<Object> otherCharsets(List<Field> fields) {
        return Combinators.combine(valid(fields), Arbitraries.of(CHARSETS))
                .as((body, charset) -> (Object) new Encoded(body, charset));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
