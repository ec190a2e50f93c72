package dev.patriotforge.auth.service;

import dev.patriotforge.shared.api.KeysetCursor;
import dev.patriotforge.shared.error.ValidationFailed;

/** The {@code ?limit=} and {@code ?cursor=} of auth-service's lists; anything bad is a 422. */
final class Pages {
    private Pages() {}

    /** Absent means the default page size; otherwise an integer 1..100. */
    static int limit(String limit) {
        if (limit == null) {
            return KeysetCursor.limit(null);
        }
        try {
            return KeysetCursor.limit(Integer.valueOf(limit.strip()));
        } catch (NumberFormatException e) {
            throw ValidationFailed.of("limit", "must be an integer");
        }
    }

    /** Absent (or empty) means the first page; otherwise a cursor this list returned. */
    static KeysetCursor after(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : KeysetCursor.decode(cursor);
    }
}
