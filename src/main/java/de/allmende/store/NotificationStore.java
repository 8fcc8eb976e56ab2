package de.allmende.store;

import de.allmende.domain.client.PageRequest;
import de.allmende.domain.notification.NotificationFilter;
import de.allmende.domain.notification.NotificationType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.NOTIFICATION;

/**
 * The client API's notifications (migration V12), each for one local account, newest first over snowflake ids.
 * A notification is written once per domain event and recipient ({@link #insert} does nothing the second time),
 * and goes when what it tells of is taken back.
 */
public final class NotificationStore {
    /** A stored notification: who is notified, who acted, about which post (for the types that have one). */
    public record Stored(long id, long accountId, NotificationType type, long fromAccountId, Optional<Long> postId, Instant created) {}

    /** A notification to write for {@code accountId}, because of event {@code eventId}. */
    public record New(long eventId, long accountId, NotificationType type, long fromAccountId, Optional<Long> postId) {}

    /** Writes the notification; empty if this event already notified this account (a retried job). */
    public Optional<Long> insert(DSLContext tx, New n) {
        return tx.insertInto(NOTIFICATION)
                .set(NOTIFICATION.EVENT_ID, n.eventId()).set(NOTIFICATION.ACCOUNT_ID, n.accountId())
                .set(NOTIFICATION.TYPE, n.type().wire()).set(NOTIFICATION.FROM_ACCOUNT_ID, n.fromAccountId())
                .set(NOTIFICATION.POST_ID, n.postId().orElse(null))
                .onConflictDoNothing().returning(NOTIFICATION.ID).fetchOptional().map(r -> r.getId());
    }

    /** Whether {@code from} notified {@code accountId} with this type (e.g. a follow request still waiting). */
    public boolean exists(DSLContext tx, long accountId, long from, NotificationType type) {
        return tx.fetchExists(NOTIFICATION, NOTIFICATION.ACCOUNT_ID.eq(accountId), NOTIFICATION.FROM_ACCOUNT_ID.eq(from),
                NOTIFICATION.TYPE.eq(type.wire()));
    }

    /** Removes what {@code from} notified {@code accountId} of with these types, about {@code post} if given. */
    public int deleteFrom(DSLContext tx, long accountId, long from, Optional<Long> post, NotificationType... types) {
        Condition about = post.map(NOTIFICATION.POST_ID::eq).orElse(DSL.noCondition());
        return tx.deleteFrom(NOTIFICATION).where(NOTIFICATION.ACCOUNT_ID.eq(accountId), NOTIFICATION.FROM_ACCOUNT_ID.eq(from),
                NOTIFICATION.TYPE.in(List.of(types).stream().map(NotificationType::wire).toList()), about).execute();
    }

    /** Removes every notification about a post (it was deleted). */
    public int deleteAbout(DSLContext tx, long postId) {
        return tx.deleteFrom(NOTIFICATION).where(NOTIFICATION.POST_ID.eq(postId)).execute();
    }

    /** Removes every notification from this account (the node blocked it). */
    public int deleteAllFrom(DSLContext tx, long from, java.util.Optional<Long> onlyTo) {
        return tx.deleteFrom(NOTIFICATION).where(NOTIFICATION.FROM_ACCOUNT_ID.eq(from))
                .and(onlyTo.map(NOTIFICATION.ACCOUNT_ID::eq).orElse(org.jooq.impl.DSL.noCondition())).execute();
    }

    /** Removes the notifications from accounts on this domain (host, host:port) or below it: to anyone, or only to {@code onlyTo}. */
    public int deleteAllFromDomain(DSLContext tx, String domain, java.util.Optional<Long> onlyTo) {
        return tx.execute("""
                DELETE FROM notification n USING account a JOIN remote_actor ra ON ra.id = a.remote_actor_id
                WHERE n.from_account_id = a.id AND (?::bigint IS NULL OR n.account_id = ?::bigint)
                  AND (lower(ra.host) = lower(?) OR split_part(lower(ra.host), ':', 1) = lower(?)
                       OR right(split_part(lower(ra.host), ':', 1), length(?) + 1) = '.' || lower(?))""",
                onlyTo.orElse(null), onlyTo.orElse(null), domain, domain, domain, domain);
    }

    /** One of the account's notifications; empty if it has none with this id (another account's included). */
    public Optional<Stored> find(DSLContext tx, long accountId, long id) {
        return tx.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id), NOTIFICATION.ACCOUNT_ID.eq(accountId))
                .fetchOptional(NotificationStore::read);
    }

    /** A page of the account's notifications, newest first; with {@code minId} the page right above it. */
    public List<Stored> page(DSLContext tx, long accountId, NotificationFilter f, PageRequest page) {
        Condition c = NOTIFICATION.ACCOUNT_ID.eq(accountId).and(filtered(f));
        if (page.maxId().isPresent()) c = c.and(NOTIFICATION.ID.lt(page.maxId().get()));
        if (page.minId().isPresent()) {
            List<Stored> rows = new ArrayList<>(tx.selectFrom(NOTIFICATION).where(c.and(NOTIFICATION.ID.gt(page.minId().get())))
                    .orderBy(NOTIFICATION.ID.asc()).limit(page.limit()).fetch(NotificationStore::read));
            Collections.reverse(rows);
            return rows;
        }
        if (page.sinceId().isPresent()) c = c.and(NOTIFICATION.ID.gt(page.sinceId().get()));
        return tx.selectFrom(NOTIFICATION).where(c).orderBy(NOTIFICATION.ID.desc()).limit(page.limit()).fetch(NotificationStore::read);
    }

    /** How many notifications the filter keeps, counting no further than {@code limit}. */
    public int count(DSLContext tx, long accountId, NotificationFilter f, int limit) {
        return tx.fetchCount(DSL.selectOne().from(NOTIFICATION).where(NOTIFICATION.ACCOUNT_ID.eq(accountId)).and(filtered(f)).limit(limit));
    }

    /** Removes one of the account's notifications; false if it has none with this id. */
    public boolean dismiss(DSLContext tx, long accountId, long id) {
        return tx.deleteFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id), NOTIFICATION.ACCOUNT_ID.eq(accountId)).execute() > 0;
    }

    /** Removes all of the account's notifications. */
    public int clear(DSLContext tx, long accountId) {
        return tx.deleteFrom(NOTIFICATION).where(NOTIFICATION.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** A local account that boosted a post: notified when the post is edited. */
    /** A local account to notify, with the handle its IRI derives from. */
    public record LocalRecipient(long accountId, String handle) {}

    public List<LocalRecipient> localBoosters(DSLContext tx, long postId) {
        return tx.fetch("""
                SELECT p.author_id, act.handle FROM post p
                JOIN account a ON a.id = p.author_id JOIN actor act ON act.id = a.local_actor_id
                WHERE p.reblog_of_id = ? AND p.deleted IS NULL""", postId)
                .map(r -> new LocalRecipient(r.get(0, Long.class), r.get(1, String.class)));
    }

    /** Local accounts that follow this account and asked to be notified of its posts (Mastodon's "notify" on a follow). */
    public List<LocalRecipient> localFollowersNotified(DSLContext tx, long authorId) {
        return tx.fetch("""
                SELECT a.id, act.handle FROM follow f
                JOIN account a ON a.id = f.follower_id JOIN actor act ON act.id = a.local_actor_id
                WHERE f.followee_id = ? AND f.state = 'accepted' AND f.notify""", authorId)
                .map(r -> new LocalRecipient(r.get(0, Long.class), r.get(1, String.class)));
    }

    private static Condition filtered(NotificationFilter f) {
        Condition c = DSL.noCondition();
        if (!f.types().isEmpty()) c = c.and(NOTIFICATION.TYPE.in(f.types()));
        if (!f.excludeTypes().isEmpty()) c = c.and(NOTIFICATION.TYPE.notIn(f.excludeTypes()));
        if (f.fromAccount().isPresent()) c = c.and(NOTIFICATION.FROM_ACCOUNT_ID.eq(f.fromAccount().get()));
        return c;
    }

    private static Stored read(Record r) {
        return new Stored(r.get(NOTIFICATION.ID), r.get(NOTIFICATION.ACCOUNT_ID),
                NotificationType.of(r.get(NOTIFICATION.TYPE)).orElseThrow(), r.get(NOTIFICATION.FROM_ACCOUNT_ID),
                Optional.ofNullable(r.get(NOTIFICATION.POST_ID)), r.get(NOTIFICATION.CREATED).toInstant());
    }
}
