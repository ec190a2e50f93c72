package dev.patriotforge.testsupport.hostile;

import static dev.patriotforge.testsupport.random.Gens.weighted;

import dev.patriotforge.testsupport.hostile.HostileBody.Bytes;
import dev.patriotforge.testsupport.hostile.HostileBody.Encoded;
import dev.patriotforge.testsupport.hostile.HostileBody.Member;
import dev.patriotforge.testsupport.hostile.HostileBody.Obj;
import dev.patriotforge.testsupport.hostile.HostileBody.Valid;
import dev.patriotforge.testsupport.random.Gen;
import dev.patriotforge.testsupport.random.Gens;
import dev.patriotforge.testsupport.random.Texts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of hostile request bodies for an endpoint described by its {@link Field}s: the
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
    public record Field(String name, Gen<Object> valid) {
        /** A field whose valid value is a {@link Valid} placeholder, filled by the caller. */
        public static Field placeholder(String name) {
            return new Field(name, Gens.constant(new Valid(name)));
        }

        /** A field whose valid values are drawn from {@code valid}. */
        public static Field of(String name, Gen<?> valid) {
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
    public Gen<Object> bodies(List<Field> fields) {
        return Gens.frequency(
                weighted(12, objects(fields)),
                weighted(3, values.values()),
                weighted(1, Nesting.deep()),
                weighted(2, notJson(fields.get(0).name())),
                weighted(1, notUtf8(fields.get(0).name())),
                weighted(1, otherCharsets(fields)),
                weighted(1, Texts.bytes(0, 64).map(Bytes::new)));
    }

    /**
     * The endpoint's object: each field left out, valid, hostile, deeply nested, or valid and then
     * named again; and now and then a member the endpoint does not have, or a field repeated.
     */
    public Gen<Object> objects(List<Field> fields) {
        List<Gen<List<Member>>> parts = new ArrayList<>();
        for (Field field : fields) {
            String name = field.name();
            Gen<String> strings = values.strings();
            parts.add(
                    Gens.frequency(
                            weighted(1, Gens.constant(List.<Member>of())),
                            weighted(5, field.valid().map(v -> List.of(new Member(name, v)))),
                            weighted(4, values.values().map(v -> List.of(new Member(name, v)))),
                            weighted(1, Nesting.deep().map(v -> List.of(new Member(name, v)))),
                            weighted(
                                    1,
                                    random ->
                                            List.of(
                                                    new Member(name, field.valid().next(random)),
                                                    new Member(name, strings.next(random))))));
        }
        List<String> names = fields.stream().map(Field::name).toList();
        parts.add(
                Gens.frequency(
                        weighted(6, Gens.constant(List.<Member>of())),
                        weighted(1, memberOf(values.memberNames())),
                        weighted(1, memberOf(Gens.of(names)))));
        return Gens.sequence(parts)
                .map(
                        lists -> {
                            List<Member> members = new ArrayList<>();
                            lists.forEach(members::addAll);
                            return new Obj(members);
                        });
    }

    /** One member named by {@code names} with any hostile value. */
    private Gen<List<Member>> memberOf(Gen<String> names) {
        Gen<Object> any = values.values();
        return random -> List.of(new Member(names.next(random), any.next(random)));
    }

    /** The endpoint's object with every field valid. */
    public static Gen<Obj> valid(List<Field> fields) {
        List<Gen<Member>> members = new ArrayList<>();
        for (Field field : fields) {
            members.add(field.valid().map(v -> new Member(field.name(), v)));
        }
        return Gens.<Member>sequence(members).map(Obj::new);
    }

    /** Texts that are not JSON, or not one JSON value; {@code field} names a member. */
    public Gen<Object> notJson(String field) {
        String f = JsonLiteral.string(field);
        String key = JsonLiteral.string(values.keys().isEmpty() ? "a" : values.keys().get(0));
        return Gens.of(
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
    public static Gen<Object> notUtf8(String field) {
        Gen<byte[]> bads = Gens.of(NOT_UTF8);
        return random -> {
            byte[] bad = bads.next(random);
            if (random.nextBoolean()) {
                return new Bytes(bad);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(
                    ("{" + JsonLiteral.string(field) + ":\"a").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
            return new Bytes(out.toByteArray());
        };
    }

    /** The endpoint's valid object in UTF-16 or UTF-32. */
    public static Gen<Object> otherCharsets(List<Field> fields) {
        Gen<Obj> bodies = valid(fields);
        Gen<Charset> charsets = Gens.of(CHARSETS);
        return random -> new Encoded(bodies.next(random), charsets.next(random));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
