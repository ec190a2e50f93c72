package dev.patriotforge.shared.api;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list, newest first; {@code nextCursor} is null on the last. */
public record CursorPage<T>(List<T> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * The page of the first {@code size} of {@code rows}, read with one row more than a page so
     * that a further row means there is a next page; its cursor is the position of the last row
     * shown.
     */
    public static <R, T> CursorPage<T> of(
            List<R> rows, int size, Function<R, KeysetCursor> position, Function<R, T> view) {
        int shown = Math.min(size, rows.size());
        List<T> items = rows.subList(0, shown).stream().map(view).toList();
        String next = rows.size() > size ? position.apply(rows.get(shown - 1)).encode() : null;
        return new CursorPage<>(items, next);
    }
}
