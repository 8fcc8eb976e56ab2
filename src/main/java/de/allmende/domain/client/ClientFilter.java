package de.allmende.domain.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's filter (Mastodon's Filter entity, v2, before it is JSON): where it applies, what it does to a
 * status that matches one of its keywords or is one of its statuses, and until when.
 *
 * @param context  where it applies: home, notifications, public, thread, account
 * @param action   {@code warn} (shown behind a warning), {@code hide} (left out) or {@code blur} (media hidden)
 */
public record ClientFilter(long id, String title, List<String> context, String action, Optional<Instant> expiresAt,
                           List<Keyword> keywords, List<FilteredStatus> statuses) {
    public static final List<String> CONTEXTS = List.of("home", "notifications", "public", "thread", "account");
    public static final List<String> ACTIONS = List.of("warn", "hide", "blur");

    public ClientFilter {
        context = List.copyOf(context);
        keywords = List.copyOf(keywords);
        statuses = List.copyOf(statuses);
    }

    public record Keyword(long id, long filterId, String keyword, boolean wholeWord) {}

    public record FilteredStatus(long id, long filterId, long statusId) {}

    /** What a client sets of a filter; keywords are added, changed or removed by their own calls (or attributes). */
    public record Settings(String title, List<String> context, String action, Optional<Instant> expiresAt) {
        public Settings {
            context = List.copyOf(context);
        }
    }
}
