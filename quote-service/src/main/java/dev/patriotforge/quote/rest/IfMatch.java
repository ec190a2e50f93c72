package dev.patriotforge.quote.rest;

import dev.patriotforge.quote.service.Precondition;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads {@code If-Match}: {@code *}, or a list of entity tags such as {@code "3"}. Tags are the
 * quote's version; weak tags never match (strong comparison), and anything else matches nothing.
 */
final class IfMatch {
    static final String HEADER = "If-Match";

    private IfMatch() {}

    static Precondition parse(String header) {
        if (header == null || header.isBlank()) {
            return Precondition.none();
        }
        if (header.trim().equals("*")) {
            return Precondition.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String part : header.split(",", -1)) {
            String tag = part.trim();
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (!tag.isEmpty() && tag.length() <= 18 && tag.chars().allMatch(Character::isDigit)) {
                versions.add(Long.parseLong(tag));
            }
        }
        return Precondition.oneOf(versions);
    }

    /** The entity tag of a version: {@code "3"} with the quotes. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
