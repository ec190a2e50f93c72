package dev.patriotforge.shared.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for UUIDs that arrive as text (token claims, query parameters): the canonical
 * 8-4-4-4-12 hex form only. {@link UUID#fromString} alone also accepts forms such as {@code
 * 1-1-1-1-1}.
 */
public final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private Uuids() {}

    /** The UUID, or empty when {@code text} is null or not in canonical form. */
    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
