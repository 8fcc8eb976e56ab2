package de.allmende.store;

import de.allmende.domain.client.PageRequest;
import de.allmende.store.CursorPages.Listed;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.ACCOUNT_BLOCK;
import static de.allmende.db.Tables.ACCOUNT_DOMAIN_BLOCK;
import static de.allmende.db.Tables.ACCOUNT_MUTE;
import static de.allmende.db.Tables.ACCOUNT_NOTE;
import static de.allmende.db.Tables.FOLLOW;

/**
 * What one local account keeps about others (migration V13): whom it blocks (and by which Block activity), whom
 * it mutes, its private notes, the domains it hides, and how it follows (boosts shown, notify, languages).
 */
public final class AccountRelationStore {
    /** A mute: whether the muted account's notifications are hidden too, and until when (empty: for good). */
    public record Mute(boolean notifications, Optional<Instant> expiresAt) {}

    /** How an account follows another (Mastodon's follow options); languages empty: all. */
    public record FollowOptions(boolean showReblogs, boolean notifyOnPost, Optional<List<String>> languages) {}

    /** Records a block made by {@code activityIri}; false if the account blocked the target before. */
    public boolean block(DSLContext tx, long accountId, long targetId, String activityIri) {
        return tx.insertInto(ACCOUNT_BLOCK).set(ACCOUNT_BLOCK.ACCOUNT_ID, accountId).set(ACCOUNT_BLOCK.TARGET_ID, targetId)
                .set(ACCOUNT_BLOCK.ACTIVITY_IRI, activityIri).onConflictDoNothing().execute() == 1;
    }

    /** Removes a block; the Block activity's id, if there was one (an Undo names it). */
    public Optional<String> unblock(DSLContext tx, long accountId, long targetId) {
        return tx.deleteFrom(ACCOUNT_BLOCK).where(ACCOUNT_BLOCK.ACCOUNT_ID.eq(accountId), ACCOUNT_BLOCK.TARGET_ID.eq(targetId))
                .returning(ACCOUNT_BLOCK.ACTIVITY_IRI).fetchOptional(ACCOUNT_BLOCK.ACTIVITY_IRI);
    }

    public boolean blocks(DSLContext tx, long accountId, long targetId) {
        return tx.fetchExists(ACCOUNT_BLOCK, ACCOUNT_BLOCK.ACCOUNT_ID.eq(accountId).and(ACCOUNT_BLOCK.TARGET_ID.eq(targetId)));
    }

    public List<Listed<Long>> blocked(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, ACCOUNT_BLOCK, ACCOUNT_BLOCK.ID, ACCOUNT_BLOCK.TARGET_ID, ACCOUNT_BLOCK.ACCOUNT_ID.eq(accountId), page);
    }

    /** Mutes, or changes a mute's options. */
    public void mute(DSLContext tx, long accountId, long targetId, Mute mute) {
        var at = mute.expiresAt().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null);
        tx.insertInto(ACCOUNT_MUTE).set(ACCOUNT_MUTE.ACCOUNT_ID, accountId).set(ACCOUNT_MUTE.TARGET_ID, targetId)
                .set(ACCOUNT_MUTE.NOTIFICATIONS, mute.notifications()).set(ACCOUNT_MUTE.EXPIRES_AT, at)
                .onConflict(ACCOUNT_MUTE.ACCOUNT_ID, ACCOUNT_MUTE.TARGET_ID).doUpdate()
                .set(ACCOUNT_MUTE.NOTIFICATIONS, mute.notifications()).set(ACCOUNT_MUTE.EXPIRES_AT, at).execute();
    }

    public void unmute(DSLContext tx, long accountId, long targetId) {
        tx.deleteFrom(ACCOUNT_MUTE).where(ACCOUNT_MUTE.ACCOUNT_ID.eq(accountId), ACCOUNT_MUTE.TARGET_ID.eq(targetId)).execute();
    }

    /** The mute in force (one whose time ran out is none). */
    public Optional<Mute> mute(DSLContext tx, long accountId, long targetId) {
        return tx.selectFrom(ACCOUNT_MUTE).where(ACCOUNT_MUTE.ACCOUNT_ID.eq(accountId), ACCOUNT_MUTE.TARGET_ID.eq(targetId),
                        ACCOUNT_MUTE.EXPIRES_AT.isNull().or(ACCOUNT_MUTE.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .fetchOptional(r -> new Mute(r.getNotifications(), Optional.ofNullable(r.getExpiresAt()).map(t -> t.toInstant())));
    }

    public List<Listed<Long>> muted(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, ACCOUNT_MUTE, ACCOUNT_MUTE.ID, ACCOUNT_MUTE.TARGET_ID, ACCOUNT_MUTE.ACCOUNT_ID.eq(accountId)
                .and(ACCOUNT_MUTE.EXPIRES_AT.isNull().or(ACCOUNT_MUTE.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))), page);
    }

    /** Sets the private note on an account; an empty one removes it. */
    public void note(DSLContext tx, long accountId, long targetId, String note) {
        if (note.isEmpty()) {
            tx.deleteFrom(ACCOUNT_NOTE).where(ACCOUNT_NOTE.ACCOUNT_ID.eq(accountId), ACCOUNT_NOTE.TARGET_ID.eq(targetId)).execute();
            return;
        }
        tx.insertInto(ACCOUNT_NOTE).set(ACCOUNT_NOTE.ACCOUNT_ID, accountId).set(ACCOUNT_NOTE.TARGET_ID, targetId).set(ACCOUNT_NOTE.NOTE, note)
                .onConflict(ACCOUNT_NOTE.ACCOUNT_ID, ACCOUNT_NOTE.TARGET_ID).doUpdate().set(ACCOUNT_NOTE.NOTE, note).execute();
    }

    public String note(DSLContext tx, long accountId, long targetId) {
        return tx.select(ACCOUNT_NOTE.NOTE).from(ACCOUNT_NOTE).where(ACCOUNT_NOTE.ACCOUNT_ID.eq(accountId), ACCOUNT_NOTE.TARGET_ID.eq(targetId))
                .fetchOptional(ACCOUNT_NOTE.NOTE).orElse("");
    }

    public void blockDomain(DSLContext tx, long accountId, String domain) {
        tx.insertInto(ACCOUNT_DOMAIN_BLOCK).set(ACCOUNT_DOMAIN_BLOCK.ACCOUNT_ID, accountId).set(ACCOUNT_DOMAIN_BLOCK.DOMAIN, domain)
                .onConflictDoNothing().execute();
    }

    public void unblockDomain(DSLContext tx, long accountId, String domain) {
        tx.deleteFrom(ACCOUNT_DOMAIN_BLOCK).where(ACCOUNT_DOMAIN_BLOCK.ACCOUNT_ID.eq(accountId), ACCOUNT_DOMAIN_BLOCK.DOMAIN.eq(domain)).execute();
    }

    public List<Listed<String>> blockedDomains(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, ACCOUNT_DOMAIN_BLOCK, ACCOUNT_DOMAIN_BLOCK.ID, ACCOUNT_DOMAIN_BLOCK.DOMAIN,
                ACCOUNT_DOMAIN_BLOCK.ACCOUNT_ID.eq(accountId), page);
    }

    /** True if the account hides the host (or a parent domain of it) an account lives on; the port does not count. */
    public boolean blocksDomainOf(DSLContext tx, long accountId, String host) {
        return tx.fetchExists(DSL.selectOne().from(ACCOUNT_DOMAIN_BLOCK).where(ACCOUNT_DOMAIN_BLOCK.ACCOUNT_ID.eq(accountId))
                .and(hides(ACCOUNT_DOMAIN_BLOCK.DOMAIN, DSL.val(host))));
    }

    /** The condition that a blocked {@code domain} covers {@code host} (host[:port]): itself or a parent domain. */
    static org.jooq.Condition hides(org.jooq.Field<String> domain, org.jooq.Field<String> host) {
        var bare = DSL.function("regexp_replace", String.class, DSL.lower(host), DSL.val(":[0-9]+$"), DSL.val(""));
        return bare.eq(domain).or(bare.like(DSL.concat(DSL.val("%."), domain)));
    }

    /** IRIs of the remote accounts on a domain (or below it) that follow the account or ask to. */
    public List<java.net.URI> followersOn(DSLContext tx, long accountId, String domain) {
        return tx.fetch("""
                SELECT ra.iri FROM follow f JOIN account a ON a.id = f.follower_id JOIN remote_actor ra ON ra.id = a.remote_actor_id
                WHERE f.followee_id = ?
                  AND (regexp_replace(lower(ra.host), ':[0-9]+$', '') = ? OR regexp_replace(lower(ra.host), ':[0-9]+$', '') LIKE ?)""",
                accountId, domain, "%." + domain).getValues(0, String.class).stream().map(java.net.URI::create).toList();
    }

    /** Accounts the account follows that follow {@code targetId} too (accepted follows both), at most {@code limit}. */
    public List<Long> familiarFollowers(DSLContext tx, long accountId, long targetId, int limit) {
        return tx.fetch("""
                SELECT mine.followee_id FROM follow mine JOIN follow theirs ON theirs.follower_id = mine.followee_id
                WHERE mine.follower_id = ? AND mine.state = 'accepted' AND theirs.followee_id = ? AND theirs.state = 'accepted'
                ORDER BY mine.id DESC LIMIT ?""", accountId, targetId, limit).getValues(0, Long.class);
    }

    public void setFollowOptions(DSLContext tx, long followerId, long followeeId, FollowOptions o) {
        tx.update(FOLLOW).set(FOLLOW.SHOW_REBLOGS, o.showReblogs()).set(FOLLOW.NOTIFY, o.notifyOnPost())
                .set(FOLLOW.LANGUAGES, o.languages().map(l -> l.toArray(String[]::new)).orElse(null))
                .where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.FOLLOWEE_ID.eq(followeeId)).execute();
    }

    public Optional<FollowOptions> followOptions(DSLContext tx, long followerId, long followeeId) {
        return tx.select(FOLLOW.SHOW_REBLOGS, FOLLOW.NOTIFY, FOLLOW.LANGUAGES).from(FOLLOW)
                .where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.FOLLOWEE_ID.eq(followeeId))
                .fetchOptional(r -> new FollowOptions(r.value1(), r.value2(), Optional.ofNullable(r.value3()).map(List::of)));
    }
}
