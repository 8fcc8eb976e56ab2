package de.allmende.store;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

/** Hashtags a municipality follows (migration V17), by their lower-case name. */
public final class TagStore {
    public record Followed(long id, String name) {}

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
}
