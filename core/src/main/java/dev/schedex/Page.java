package dev.schedex;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items  the items on this page
 * @param total  how many items match in all
 * @param offset how many were skipped before this page
 * @param limit  the page size asked for
 * @param <T>    the item type
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** @return true if more items follow this page */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
