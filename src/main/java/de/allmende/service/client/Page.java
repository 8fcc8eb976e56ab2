package de.allmende.service.client;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * One page of a list and the cursors around it: {@code newest} for the page above (Mastodon's {@code rel="prev"},
 * {@code min_id}) and {@code oldest} for the page below ({@code rel="next"}, {@code max_id}). An empty page has none.
 */
public record Page<T>(List<T> items, Optional<Long> newest, Optional<Long> oldest) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page whose items are in newest-first order of the cursor {@code id} gives. */
    public static <T> Page<T> of(List<T> items, ToLongFunction<T> id) {
        if (items.isEmpty()) return new Page<>(items, Optional.empty(), Optional.empty());
        return new Page<>(items, Optional.of(id.applyAsLong(items.getFirst())), Optional.of(id.applyAsLong(items.getLast())));
    }

    /** A page of items listed by rows with cursors of their own (follows, favourites, blocks), newest first. */
    public static <T> Page<T> cursors(List<T> items, List<? extends de.allmende.store.CursorPages.Listed<?>> rows) {
        if (rows.isEmpty()) return new Page<>(items, Optional.empty(), Optional.empty());
        return new Page<>(items, Optional.of(rows.getFirst().cursor()), Optional.of(rows.getLast().cursor()));
    }
}
