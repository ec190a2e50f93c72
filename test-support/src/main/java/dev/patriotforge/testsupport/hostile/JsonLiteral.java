package dev.patriotforge.testsupport.hostile;

/**
 * JSON text that a JSON library will not write: a string literal holding lone surrogates ({@code
 * \ud800}), which UTF-8 cannot carry and which the hostile tests of both services send escaped.
 */
public final class JsonLiteral {
    private JsonLiteral() {}

    /**
     * The JSON string literal of {@code s}: UTF-8 as is, control characters and lone surrogates
     * escaped.
     */
    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
