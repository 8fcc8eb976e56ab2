package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.store.TagStore;
import de.allmende.support.ApiException;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hashtags (docs.joinmastodon.org/methods/tags, methods/followed_tags): a tag by name, following and unfollowing it,
 * the tags a municipality follows. Names are compared lower-case, as Mastodon compares them.
 */
public final class Tags {
    /** Mastodon's hashtag characters: letters, digits, marks and underscores. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\u00B7\\u200C]{1,100}");
    private final Database db;
    private final TagStore store = new TagStore();
    private final Clock clock;

    public Tags(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** How many days of use a tag shows, as Mastodon shows a week. */
    static final int HISTORY_DAYS = 7;

    /**
     * A tag as the viewer sees it; {@code following} is empty for an app's own token. {@code history} is its use on each
     * of the last days, newest first (empty where not asked for).
     */
    public record Tag(String name, Optional<Boolean> following, List<Day> history) {
        public Tag {
            history = List.copyOf(history);
        }

        public Tag(String name, Optional<Boolean> following) {
            this(name, following, List.of());
        }
    }

    /** One day (from midnight UTC) of a tag's use: posts with it and their distinct authors. */
    public record Day(Instant day, int uses, int accounts) {}

    /** The name as stored and matched (lower-case, no '#'); 404 for what cannot be a hashtag. */
    public static String normalized(String raw) {
        String name = raw == null ? "" : raw.startsWith("#") ? raw.substring(1) : raw;
        if (!NAME.matcher(name).matches()) throw ApiException.notFound("Record not found");
        return name.toLowerCase(Locale.ROOT);
    }

    public Tag get(Optional<Viewer> v, String raw) {
        String name = normalized(raw);
        return new Tag(name, v.map(viewer -> store.follows(db.dsl(), viewer.accountId(), name)));
    }

    /**
     * Search v2's hashtags: tags the node knows (carried by public posts, or followed by the viewer) whose names start
     * with {@code text} (a leading '#' left off, case ignored); none for text that cannot begin a hashtag.
     */
    public List<Tag> search(Viewer v, String text, int limit, int offset) {
        String prefix = text.startsWith("#") ? text.substring(1) : text;
        if (!NAME.matcher(prefix).matches()) return List.of();
        DSLContext tx = db.dsl();
        List<String> names = store.byPrefix(tx, prefix.toLowerCase(Locale.ROOT), v.accountId(), limit, offset);
        Map<String, List<Day>> history = histories(names);
        return names.stream().map(n -> new Tag(n, Optional.of(store.follows(tx, v.accountId(), n)), history.get(n))).toList();
    }

    /** The last {@value #HISTORY_DAYS} days of each tag, today first, days without use as zeros (Mastodon's shape). */
    private Map<String, List<Day>> histories(List<String> names) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant since = today.minus(HISTORY_DAYS - 1, ChronoUnit.DAYS);
        Map<String, Map<Instant, TagStore.DayUse>> used = new HashMap<>();
        store.uses(db.dsl(), names, since).forEach(u -> used.computeIfAbsent(u.name(), n -> new HashMap<>()).put(u.day(), u));
        Map<String, List<Day>> out = new HashMap<>();
        for (String name : names) {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < HISTORY_DAYS; i++) {
                Instant day = today.minus(i, ChronoUnit.DAYS);
                TagStore.DayUse u = used.getOrDefault(name, Map.of()).get(day);
                days.add(new Day(day, u == null ? 0 : u.uses(), u == null ? 0 : u.accounts()));
            }
            out.put(name, days);
        }
        return out;
    }

    public Tag follow(Viewer v, String raw) {
        String name = normalized(raw);
        store.follow(db.dsl(), v.accountId(), name);
        return new Tag(name, Optional.of(true));
    }

    public Tag unfollow(Viewer v, String raw) {
        String name = normalized(raw);
        store.unfollow(db.dsl(), v.accountId(), name);
        return new Tag(name, Optional.of(false));
    }

    public record Followed(String name, long cursor) {}

    public Page<Followed> followed(Viewer v, PageRequest page) {
        return Page.of(store.followed(db.dsl(), v.accountId(), page.maxId(), page.sinceId().or(page::minId), page.limit()).stream()
                .map(f -> new Followed(f.name(), f.id())).toList(), Followed::cursor);
    }
}
