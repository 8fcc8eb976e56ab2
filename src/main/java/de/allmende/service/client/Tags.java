package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.store.TagStore;
import de.allmende.support.ApiException;

import java.util.Locale;
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

    public Tags(Database db) {
        this.db = db;
    }

    /** A tag as the viewer sees it; {@code following} is empty for an app's own token. */
    public record Tag(String name, Optional<Boolean> following) {}

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
