package dev.patriotforge.shared.api;

import dev.patriotforge.shared.error.ValidationFailed;

/**
 * The {@code ?limit=} and {@code ?cursor=} of every keyset-paginated list, checked: {@code limit}
 * 1..100 (absent: {@link CursorPage#DEFAULT_LIMIT}), {@code after} null for the first page.
 * Resources build it with {@link #parse}; services take it as it is.
 */
public record PageRequest(int limit, KeysetCursor after) {
    public PageRequest {
        KeysetCursor.limit(limit);
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(CursorPage.DEFAULT_LIMIT, null);
    }

    /**
     * Parses the query values as the client sent them; a bad one is a 422 naming {@code limit} or
     * {@code cursor} (the limit is checked first). An absent or empty cursor means the first page.
     */
    public static PageRequest parse(String cursor, String limit) {
        int size = limit(limit);
        KeysetCursor after =
                cursor == null || cursor.isEmpty() ? null : KeysetCursor.decode(cursor);
        return new PageRequest(size, after);
    }

    private static int limit(String limit) {
        if (limit == null) {
            return KeysetCursor.limit(null);
        }
        try {
            return KeysetCursor.limit(Integer.valueOf(limit.strip()));
        } catch (NumberFormatException e) {
            throw ValidationFailed.of("limit", "must be an integer");
        }
    }
}
