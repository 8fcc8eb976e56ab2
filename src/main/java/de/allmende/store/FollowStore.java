package de.allmende.store;

import de.allmende.db.Changes;
import de.allmende.db.tables.records.FollowRecord;
import de.allmende.domain.AccountRef;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.FOLLOW;

/**
 * Follow relationships between accounts, in both directions, keyed by account ids. Each side's IRI is kept
 * with it (see migration V9): collections and answers name accounts by IRI.
 */
public final class FollowStore {
    public enum State { PENDING, ACCEPTED }

    public record Follow(long id, AccountRef follower, AccountRef followee, String activityIri, State state) {}

    /** Inserts or refreshes a follow (a repeated Follow replaces the stored activity id, as Mastodon does). */
    public void upsert(DSLContext tx, AccountRef follower, AccountRef followee, String activityIri, State state) {
        announce(tx, follower.iri().toString(), followee.iri().toString());
        tx.insertInto(FOLLOW).set(FOLLOW.FOLLOWER_ID, follower.id()).set(FOLLOW.FOLLOWEE_ID, followee.id())
                .set(FOLLOW.FOLLOWER, follower.iri().toString()).set(FOLLOW.FOLLOWEE, followee.iri().toString())
                .set(FOLLOW.ACTIVITY_IRI, activityIri).set(FOLLOW.STATE, column(state))
                .onConflict(FOLLOW.FOLLOWER_ID, FOLLOW.FOLLOWEE_ID).doUpdate()
                .set(FOLLOW.ACTIVITY_IRI, activityIri)
                .set(FOLLOW.STATE, DSL.when(FOLLOW.STATE.eq("accepted"), "accepted").otherwise(column(state)))
                .execute();
    }

    public Optional<Follow> find(DSLContext tx, long followerId, long followeeId) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.FOLLOWEE_ID.eq(followeeId))
                .fetchOptional(FollowStore::read);
    }

    /**
     * The follow, its row locked until the transaction ends (FOR SHARE): what the caller writes because of it (a
     * notification) commits before a concurrent unfollow or decision can change it, and is seen by that change's consumer.
     */
    public Optional<Follow> findForShare(DSLContext tx, long followerId, long followeeId) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.FOLLOWEE_ID.eq(followeeId)).forShare()
                .fetchOptional(FollowStore::read);
    }

    public Optional<Follow> findByActivity(DSLContext tx, String activityIri) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.ACTIVITY_IRI.eq(activityIri)).fetchOptional(FollowStore::read);
    }

    public void accept(DSLContext tx, long id) {
        tx.update(FOLLOW).set(FOLLOW.STATE, "accepted").where(FOLLOW.ID.eq(id)).returning(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE)
                .fetchOptional().ifPresent(r -> announce(tx, r.getFollower(), r.getFollowee()));
    }

    public int delete(DSLContext tx, long followerId, long followeeId) {
        var removed = tx.deleteFrom(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.FOLLOWEE_ID.eq(followeeId))
                .returning(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE).fetch();
        removed.forEach(r -> announce(tx, r.getFollower(), r.getFollowee()));
        return removed.size();
    }

    /** Every follow of and by an account (it is gone). */
    public int deleteAllOf(DSLContext tx, long accountId) {
        var removed = tx.deleteFrom(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(accountId).or(FOLLOW.FOLLOWEE_ID.eq(accountId)))
                .returning(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE).fetch();
        removed.forEach(r -> announce(tx, r.getFollower(), r.getFollowee()));
        return removed.size();
    }

    /** Followers and following collections show both sides: a local one's documents change. */
    private static void announce(DSLContext tx, String follower, String followee) {
        Changes.announce(tx, follower);
        Changes.announce(tx, followee);
    }

    /** Accepted followers of an account, newest first, {@code limit} after the cursor (a follow id). */
    public List<Follow> followers(DSLContext tx, long followeeId, long beforeId, int limit) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWEE_ID.eq(followeeId), FOLLOW.STATE.eq("accepted"), FOLLOW.ID.lt(beforeId))
                .orderBy(FOLLOW.ID.desc()).limit(limit).fetch(FollowStore::read);
    }

    /** Follow requests waiting for the followee's decision. */
    public List<Follow> pendingRequests(DSLContext tx, long followeeId) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWEE_ID.eq(followeeId), FOLLOW.STATE.eq("pending")).orderBy(FOLLOW.ID)
                .fetch(FollowStore::read);
    }

    /** Whom an account follows or asked to follow, newest first, {@code limit} after the cursor (a follow id). */
    public List<Follow> following(DSLContext tx, long followerId, long beforeId, int limit) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWER_ID.eq(followerId), FOLLOW.ID.lt(beforeId))
                .orderBy(FOLLOW.ID.desc()).limit(limit).fetch(FollowStore::read);
    }

    public int countFollowers(DSLContext tx, long followeeId) {
        return tx.fetchCount(FOLLOW, FOLLOW.FOLLOWEE_ID.eq(followeeId).and(FOLLOW.STATE.eq("accepted")));
    }

    public int countFollowing(DSLContext tx, long followerId) {
        return tx.fetchCount(FOLLOW, FOLLOW.FOLLOWER_ID.eq(followerId).and(FOLLOW.STATE.eq("accepted")));
    }

    private static Follow read(FollowRecord r) {
        return new Follow(r.getId(), new AccountRef(r.getFollowerId(), URI.create(r.getFollower())),
                new AccountRef(r.getFolloweeId(), URI.create(r.getFollowee())), r.getActivityIri(),
                State.valueOf(r.getState().toUpperCase()));
    }

    private static String column(State state) {
        return state.name().toLowerCase();
    }
}
