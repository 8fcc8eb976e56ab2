package de.allmende.domain.client;

import java.util.Optional;

/**
 * One page of a list the client API pages over snowflake ids, as Mastodon's clients ask for it: older than
 * {@code maxId}, newer than {@code sinceId} (newest first) or right after {@code minId} (the page just above it,
 * still answered newest first), at most {@code limit} items.
 */
public record PageRequest(Optional<Long> maxId, Optional<Long> sinceId, Optional<Long> minId, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;

    public PageRequest {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
