package de.allmende.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Hashtags: those a municipality follows (migration V17) and those public posts carry ({@code post_tag}), lower-case. */
public final class TagStore {
    /** How many names a prefix search ranks at most before it pages: enough for any app's list. */
    private static final int CANDIDATES = 200;

    public record Followed(long id, String name) {}

    /** A tag's use on one day (UTC): posts with it and their distinct authors. */
    public record DayUse(String name, Instant day, int uses, int accounts) {}

    public boolean follows(DSLContext tx, long accountId, String name) {
        return tx.fetchExists(tx.selectOne().from("followed_tag").where("account_id = ? AND name = ?", accountId, name));
    }

    public void follow(DSLContext tx, long accountId, String name) {
        tx.execute("INSERT INTO followed_tag (account_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", accountId, name);
    }

    public void unfollow(DSLContext tx, long accountId, String name) {
        tx.execute("DELETE FROM followed_tag WHERE account_id = ? AND name = ?", accountId, name);
    }

    /** Followed tags, most recently followed first, paged by the follow's id. */
    public List<Followed> followed(DSLContext tx, long accountId, Optional<Long> maxId, Optional<Long> sinceId, int limit) {
        return tx.fetch("SELECT id, name FROM followed_tag WHERE account_id = ? AND id < ? AND id > ? ORDER BY id DESC LIMIT ?",
                accountId, maxId.orElse(Long.MAX_VALUE), sinceId.orElse(Long.MIN_VALUE), limit).map(r -> new Followed(r.get(0, Long.class), r.get(1, String.class)));
    }

    /**
     * Names starting with {@code prefix} (lower-case) that public posts carry or the account follows: the exact name
     * first, then the most used, then by name.
     */
    public List<String> byPrefix(DSLContext tx, String prefix, long accountId, int limit, int offset) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return tx.fetch("""
                WITH names AS (
                    (SELECT DISTINCT name FROM post_tag WHERE name LIKE ? ORDER BY name LIMIT ?)
                    UNION
                    SELECT name FROM followed_tag WHERE account_id = ? AND name LIKE ?)
                SELECT n.name FROM names n
                ORDER BY n.name = ? DESC, (SELECT count(*) FROM post_tag t WHERE t.name = n.name) DESC, n.name
                LIMIT ? OFFSET ?""", like, CANDIDATES, accountId, like, prefix, limit, offset).map(r -> r.get(0, String.class));
    }

    /** Per tag and day since {@code since}: how many live public posts carried it, by how many authors. Days without use are left out. */
    public List<DayUse> uses(DSLContext tx, List<String> names, Instant since) {
        if (names.isEmpty()) return List.of();
        return tx.fetch("""
                SELECT t.name, date_trunc('day', p.published AT TIME ZONE 'UTC') AS day, count(*), count(DISTINCT p.author_id)
                FROM post_tag t JOIN post p ON p.id = t.post_id
                WHERE t.name = ANY(?) AND p.published >= ?::timestamptz AND p.deleted IS NULL
                GROUP BY t.name, day""", names.toArray(String[]::new), OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .map(r -> new DayUse(r.get(0, String.class), r.get(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        r.get(2, Integer.class), r.get(3, Integer.class)));
    }
}
