package dev.patriotforge.testsupport.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request targets: percent-encoding, and what the HTTP layer (Vert.x) admits at all. */
public final class Targets {
    private static final int MAX_INITIAL_LINE = 16384;
    private static final int MAX_HEADER_SIZE = 20 * 1024 - 512;

    /** RFC 3986 characters of a path and query besides letters, digits and percent escapes. */
    private static final String TARGET_MARKS = "-._~!$&'()*+,;=:@/?";

    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    private Targets() {}

    /**
     * Whether the request is valid HTTP/1.1 that the HTTP layer hands to the application: an
     * origin-form target of URI characters with well-formed percent escapes, a request line within
     * {@code quarkus.http.limits.max-initial-line-length} (16384), header values free of control
     * characters, and headers within {@code max-header-size} (20K). Anything else Vert.x refuses
     * itself, before any route runs (so without a problem document).
     */
    public static boolean isWellFormed(String method, String target, Map<String, String> headers) {
        if ((method + " " + target + " HTTP/1.1").length() > MAX_INITIAL_LINE
                || !isValidTarget(target)) {
            return false;
        }
        int size = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String value = h.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    return false;
                }
            }
            size += h.getKey().length() + value.getBytes(StandardCharsets.UTF_8).length + 4;
        }
        return size < MAX_HEADER_SIZE;
    }

    /** Percent-encodes every byte of the UTF-8 form except the unreserved characters. */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code target} is an origin-form request target: a slash, then RFC 3986 characters
     * and percent escapes with two hex digits. A loop, not a regular expression: a regex with an
     * alternation under a star recurses once per character and overflows the stack on the 16 KiB
     * targets the fuzzers send.
     */
    public static boolean isValidTarget(String target) {
        if (!target.startsWith("/")) {
            return false;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length()
                        || HEX_DIGITS.indexOf(target.charAt(i + 1)) < 0
                        || HEX_DIGITS.indexOf(target.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TARGET_MARKS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
