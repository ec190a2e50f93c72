package dev.patriotforge.auth.hostile;

import dev.patriotforge.testsupport.hostile.JsonLiteral;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of hostile request bodies and the writer that turns them into bytes. A body is
 * a template: fields of the endpoint hold either a hostile value or {@link Valid}, which the test
 * replaces at send time with a value the endpoint accepts (a fresh email, a strong password), so
 * that the hostile parts reach the service and database code instead of failing next to a missing
 * field. Lone surrogates are sent as {@code \\uD800} escapes (UTF-8 cannot carry them); every other
 * character as UTF-8.
 */
final class HostileJson {
    private HostileJson() {}

    /** Literal JSON text, written as is (numbers, deep nesting, true/false/null). */
    record Raw(String json) {}

    /** A body that is not JSON text at all, or not UTF-8. */
    static final class Bytes {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Placeholder for an acceptable value of the field, supplied when the body is rendered. */
    record Valid(String field) {}

    record Member(String key, Object value) {}

    record Obj(List<Member> members) {}

    /** Fields that a client must never set: mass assignment. */
    static final List<String> PROTECTED_FIELDS =
            List.of(
                    "role",
                    "id",
                    "email",
                    "created_at",
                    "updated_at",
                    "password_hash",
                    "deleted_at",
                    "version");

    /**
     * Strings that broke services before: control and format characters, odd Unicode, injection.
     */
    static final List<String> NASTY_STRINGS =
            List.of(
                    "",
                    " ",
                    "\u0000",
                    "Ann\u0000Example",
                    "\t\n\r",
                    "\u007f\u0085",
                    "\u2028\u2029",
                    "\u202Egpj.exe",
                    "\u200B\u200D\uFEFF",
                    "e\u0301\u0301\u0301",
                    "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69",
                    "\uD800",
                    "\uDC00",
                    "x\uDBFF\uDBFFy",
                    "\uFFFF\uFFFE",
                    "\uFF41\uFF44\uFF4D\uFF49\uFF4E@\uFF45\uFF58.\uFF43\uFF4F\uFF4D",
                    "\u0130STANBUL\u0131@forge.test",
                    "\u212Aelvin@forge.test",
                    "stra\u00DFe@forge.test",
                    "admin",
                    " ADMIN ",
                    "bootstrap-admin@forge.test",
                    "BOOTSTRAP-ADMIN@forge.test\u0000",
                    "a@b.co",
                    "\"@forge.test",
                    "' OR '1'='1",
                    "\"; DROP TABLE auth.forge_users; --",
                    "${jndi:ldap://127.0.0.1:1/a}",
                    "<script>alert(1)</script>",
                    "../../../../etc/passwd",
                    "%00",
                    "%s%s%s%n",
                    "{{7*7}}",
                    "null",
                    "1e400",
                    "NaN",
                    "00000000-0000-0000-0000-000000000000");

    /** Numbers far out of any field's range, and other literals. */
    static final List<String> LITERALS =
            List.of(
                    "null",
                    "true",
                    "false",
                    "0",
                    "-0",
                    "1.5",
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "1E+2147483648",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "123456789012345678901234567890123456789",
                    "1" + "0".repeat(1500),
                    "0." + "0".repeat(1500) + "1");

    /** Texts that are not JSON, or not one JSON value. */
    static final List<String> NOT_JSON =
            List.of(
                    "",
                    "{",
                    "}",
                    "{\"email\": ",
                    "[1,]",
                    "{\"a\":1,}",
                    "{'email': 'a@b.co'}",
                    "/* comment */ {}",
                    "\uFEFF{}",
                    "nul",
                    "{\"a\" 1}",
                    "<user role=\"admin\"/>",
                    "email=a%40b.co&password=x",
                    "{\"email\": \"unterminated}",
                    "\"\\uD8\"",
                    "\"\\x41\"",
                    "{}{}",
                    "{} trailing",
                    "NaN",
                    "{\"display_name\": \"a\"} {\"role\": \"admin\"}");

    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NASTY_STRINGS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(6)),
                Tuple.of(
                        2, Arbitraries.strings().withCharRange('\u0080', '\uffff').ofMaxLength(16)),
                Tuple.of(2, sizedStrings()));
    }

    /** Strings at and around every length limit of the contract, and huge ones. */
    static Arbitrary<String> sizedStrings() {
        return Combinators.combine(
                        Arbitraries.of(
                                0, 1, 11, 12, 99, 100, 101, 127, 128, 129, 253, 254, 255, 1025,
                                70_000),
                        Arbitraries.of("x", "\u00e9", "\uD83D\uDE00", " ", "\u0000", "\u0301"))
                .as((n, unit) -> unit.repeat(n));
    }

    static Arbitrary<Object> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(LITERALS).map(Raw::new)),
                Tuple.of(1, Arbitraries.longs().map(n -> new Raw(Long.toString(n)))),
                Tuple.of(5, strings().map(s -> s)));
    }

    /** Any JSON value, nested up to 3 levels. */
    static Arbitrary<Object> values() {
        return Arbitraries.recursive(
                HostileJson::scalars,
                inner ->
                        Arbitraries.oneOf(
                                inner.list().ofMaxSize(3).map(list -> (Object) list),
                                Combinators.combine(keys(), inner)
                                        .as(Member::new)
                                        .list()
                                        .ofMaxSize(3)
                                        .map(members -> (Object) new Obj(members))),
                0,
                3);
    }

    /** Arrays and objects nested deeper than the 1000 levels Jackson accepts. */
    static Arbitrary<Object> deep() {
        return Combinators.combine(
                        Arbitraries.of(1001, 2_500, 20_000), Arbitraries.of("[", "{\"a\":", "mix"))
                .as(
                        (depth, open) -> {
                            StringBuilder b = new StringBuilder();
                            for (int i = 0; i < depth; i++) {
                                b.append(
                                        "mix".equals(open) ? (i % 2 == 0 ? "[" : "{\"a\":") : open);
                            }
                            b.append('1');
                            for (int i = depth - 1; i >= 0; i--) {
                                boolean array =
                                        "[".equals(open) || ("mix".equals(open) && i % 2 == 0);
                                b.append(array ? ']' : '}');
                            }
                            return new Raw(b.toString());
                        });
    }

    static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(PROTECTED_FIELDS)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "displayName",
                                "Display_Name",
                                "EMAIL",
                                "__proto__",
                                "constructor",
                                "refreshToken",
                                "groups",
                                "sub",
                                "")),
                Tuple.of(2, strings()));
    }

    /** A hostile body for an endpoint whose JSON object has the given fields. */
    static Arbitrary<Object> bodies(List<String> fields) {
        return Arbitraries.frequencyOf(
                Tuple.of(10, objects(fields)),
                Tuple.of(2, values()),
                Tuple.of(1, deep()),
                Tuple.of(1, Arbitraries.of(LITERALS).map(Raw::new)),
                Tuple.of(
                        2,
                        Arbitraries.of(NOT_JSON)
                                .map(s -> new Bytes(s.getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(1, notUtf8(fields.get(0))));
    }

    /** Objects with the endpoint's fields (each absent, acceptable or hostile) and extra ones. */
    static Arbitrary<Object> objects(List<String> fields) {
        List<Arbitrary<List<Member>>> parts = new ArrayList<>();
        for (String field : fields) {
            parts.add(
                    Arbitraries.frequencyOf(
                            Tuple.of(1, Arbitraries.just(List.<Member>of())),
                            Tuple.of(
                                    4,
                                    Arbitraries.just(List.of(new Member(field, new Valid(field))))),
                            Tuple.of(5, values().map(v -> List.of(new Member(field, v)))),
                            Tuple.of(1, deep().map(v -> List.of(new Member(field, v)))),
                            Tuple.of(
                                    1,
                                    strings()
                                            .map(
                                                    v ->
                                                            List.of(
                                                                    new Member(
                                                                            field,
                                                                            new Valid(field)),
                                                                    new Member(field, v))))));
        }
        parts.add(
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(List.<Member>of())),
                        Tuple.of(
                                1,
                                Combinators.combine(keys(), values())
                                        .as((k, v) -> List.of(new Member(k, v))))));
        return Combinators.combine(parts)
                .as(
                        lists -> {
                            List<Member> members = new ArrayList<>();
                            lists.forEach(members::addAll);
                            return new Obj(members);
                        });
    }

    /** An object whose first field holds bytes that are not UTF-8. */
    static Arbitrary<Object> notUtf8(String field) {
        return Arbitraries.of(
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82})
                .map(
                        bad -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.writeBytes(
                                    ("{\"" + field + "\": \"a").getBytes(StandardCharsets.UTF_8));
                            out.writeBytes(bad);
                            out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
                            return new Bytes(out.toByteArray());
                        });
    }

    /** The bytes of a body, with {@link Valid} placeholders replaced by {@code valid}. */
    static byte[] render(Object body, Function<String, Object> valid) {
        if (body instanceof Bytes bytes) {
            return bytes.bytes();
        }
        StringBuilder b = new StringBuilder();
        write(b, body, valid);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder b, Object value, Function<String, Object> valid) {
        switch (value) {
            case null -> b.append("null");
            case Raw raw -> b.append(raw.json());
            case String s -> quote(b, s);
            case Valid v -> write(b, valid.apply(v.field()), valid);
            case Obj obj -> {
                b.append('{');
                for (int i = 0; i < obj.members().size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    quote(b, obj.members().get(i).key());
                    b.append(':');
                    write(b, obj.members().get(i).value(), valid);
                }
                b.append('}');
            }
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(b, list.get(i), valid);
                }
                b.append(']');
            }
            case Number n -> b.append(n);
            case Boolean bool -> b.append(bool);
            default -> throw new IllegalArgumentException("not a JSON template: " + value);
        }
    }

    /** A JSON string: UTF-8 as is, control characters and unpaired surrogates escaped. */
    static void quote(StringBuilder b, String s) {
        b.append(JsonLiteral.string(s));
    }

    /** A short, printable view of a body for failure messages. */
    static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        text.codePoints()
                .limit(160)
                .forEach(
                        cp -> {
                            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                                b.append(String.format("\\u%04x", cp));
                            } else {
                                b.appendCodePoint(cp);
                            }
                        });
        if (text.length() > 160) {
            b.append("...(").append(body.length).append(" bytes)");
        }
        return b.toString();
    }
}
