package dev.patriotforge.quote.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON after RFC 8785 (JSON Canonicalization Scheme, JCS), for the subset this service
 * writes: objects, arrays, strings, integers and null. Object members are sorted by their names'
 * UTF-16 code units ({@link String#compareTo}, which is what JCS prescribes); there is no
 * whitespace; strings are escaped as ECMAScript's JSON.stringify does ({@code \"}, {@code \\},
 * {@code \b \t \n \f \r}, other characters below U+0020 as a backslash, u and four lower-case hex
 * digits, every other character as itself in UTF-8). Numbers are integers only, written in decimal
 * (JCS writes IEEE doubles; every amount here is at most 2^53 - 1, where both agree); a decimal
 * such as a quantity is written as a string. The hash of a document is SHA-256 over its UTF-8
 * bytes.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** The canonical text of {@code value}: a Map (String keys), List, String, integer or null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String text -> appendString(out, text);
            case Integer number -> out.append(number.intValue());
            case Long number -> out.append(number.longValue());
            case BigInteger number -> out.append(number);
            case Map<?, ?> map -> appendObject(out, map);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, list.get(i));
                }
                out.append(']');
            }
            default ->
                    throw new IllegalArgumentException(
                            "not in the canonical subset: " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("member names are strings");
            }
            sorted.put(name, member.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, member.getKey());
            out.append(':');
            append(out, member.getValue());
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedAt(text, i))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair. */
    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
