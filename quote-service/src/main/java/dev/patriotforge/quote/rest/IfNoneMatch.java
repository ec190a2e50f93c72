package dev.patriotforge.quote.rest;

/**
 * {@code If-None-Match} (RFC 9110, 13.1.2): {@code *} or a list of entity tags, compared weakly (a
 * {@code W/} prefix is ignored). A header longer than {@link #MAX_LENGTH} matches nothing.
 */
final class IfNoneMatch {
    static final int MAX_LENGTH = 2048;

    private IfNoneMatch() {}

    static boolean matches(String header, String etag) {
        if (header == null || header.length() > MAX_LENGTH) {
            return false;
        }
        for (String tag : header.split(",", 64)) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
