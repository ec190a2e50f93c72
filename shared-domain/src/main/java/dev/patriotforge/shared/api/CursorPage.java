package dev.patriotforge.shared.api;

import java.util.List;

/** One page of a keyset-paginated list, newest first; {@code nextCursor} is null on the last. */
public record CursorPage<T>(List<T> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public CursorPage {
        items = List.copyOf(items);
    }
}
