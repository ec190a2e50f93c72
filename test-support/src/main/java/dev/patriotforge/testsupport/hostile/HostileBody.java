package dev.patriotforge.testsupport.hostile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The one model of a hostile request body, and its one writer. A body is a tree of plain values:
 * {@code String} (written as a JSON string, lone surrogates as {@code \ud800} escapes, every other
 * character as UTF-8), {@code null}, {@code Boolean}, {@code Number}, {@link List} (an array),
 * {@link Obj} (members in order, names may repeat), {@link Raw} (JSON text written as is: numbers
 * out of range, deep nesting, text that is not JSON), and {@link Valid}, a placeholder that the
 * caller fills at send time with a value the endpoint accepts (a fresh email, a live token, the id
 * of an item), so that the hostile parts reach the service instead of failing next to a missing
 * field. At the top only, {@link Bytes} (not UTF-8, not JSON) and {@link Encoded} (a body in
 * another charset).
 */
public final class HostileBody {
    private static final int SHOWN = 160;

    private HostileBody() {}

    /** JSON text written as is. */
    public record Raw(String json) {}

    /** Placeholder for an acceptable value of {@code field}, supplied when the body is written. */
    public record Valid(String field) {}

    public record Member(String key, Object value) {}

    /** An object: its members in order, a name possibly repeated. */
    public record Obj(List<Member> members) {
        public Obj {
            members = List.copyOf(members);
        }

        /** {@code obj("a", 1, "b", new Valid("b"))}: names and values in turn. */
        public static Obj of(Object... namesAndValues) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                members.add(new Member((String) namesAndValues[i], namesAndValues[i + 1]));
            }
            return new Obj(members);
        }
    }

    /** A whole body that is not JSON text at all, or not UTF-8. */
    public static final class Bytes {
        private final byte[] bytes;

        public Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public static Bytes utf8(String text) {
            return new Bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "Bytes" + Arrays.toString(bytes);
        }
    }

    /** A whole body written in {@code charset} instead of UTF-8. */
    public record Encoded(Object body, Charset charset) {}

    /** The bytes of {@code body}, every {@link Valid} replaced by {@code valid.apply(field)}. */
    public static byte[] render(Object body, Function<String, Object> valid) {
        return switch (body) {
            case Bytes bytes -> bytes.bytes();
            case Encoded encoded -> text(encoded.body(), valid).getBytes(encoded.charset());
            case null, default -> text(body, valid).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The bytes of a body without placeholders (or with each standing for its field's name). */
    public static byte[] render(Object body) {
        return render(body, field -> field);
    }

    /** The JSON text of a value, every {@link Valid} replaced by {@code valid.apply(field)}. */
    public static String text(Object value, Function<String, Object> valid) {
        StringBuilder b = new StringBuilder();
        write(b, value, valid);
        return b.toString();
    }

    /** The JSON text of a value without placeholders. */
    public static String text(Object value) {
        return text(value, field -> field);
    }

    private static void write(StringBuilder b, Object value, Function<String, Object> valid) {
        switch (value) {
            case null -> b.append("null");
            case Raw raw -> b.append(raw.json());
            case String s -> b.append(JsonLiteral.string(s));
            case Valid v -> write(b, valid.apply(v.field()), valid);
            case Obj obj -> {
                b.append('{');
                for (int i = 0; i < obj.members().size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(JsonLiteral.string(obj.members().get(i).key())).append(':');
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
            default -> throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    /** A short, printable view of a body for failure messages. */
    public static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        text.codePoints()
                .limit(SHOWN)
                .forEach(
                        cp -> {
                            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                                b.append(String.format("\\u%04x", cp));
                            } else {
                                b.appendCodePoint(cp);
                            }
                        });
        if (text.length() > SHOWN) {
            b.append("...(").append(body.length).append(" bytes)");
        }
        return b.toString();
    }
}
