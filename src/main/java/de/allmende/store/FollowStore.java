package de.allmende.store;

import de.allmende.db.Changes;
import org.jooq.DSLContext;
import org.jooq.Record1;

import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.FOLLOW;

/** Follow relationships by actor IRI, in both directions. */
public final class FollowStore {
    public enum State { PENDING, ACCEPTED }

    public record Follow(long id, String follower, String followee, String activityIri, State state) {}

    /** Inserts or refreshes a follow (a repeated Follow replaces the stored activity id, as Mastodon does). */
    public void upsert(DSLContext tx, String follower, String followee, String activityIri, State state) {
        announce(tx, follower, followee);
        tx.insertInto(FOLLOW).set(FOLLOW.FOLLOWER, follower).set(FOLLOW.FOLLOWEE, followee)
                .set(FOLLOW.ACTIVITY_IRI, activityIri).set(FOLLOW.STATE, state.name().toLowerCase())
                .onConflict(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE).doUpdate()
                .set(FOLLOW.ACTIVITY_IRI, activityIri)
                .set(FOLLOW.STATE, org.jooq.impl.DSL.when(FOLLOW.STATE.eq("accepted"), "accepted").otherwise(state.name().toLowerCase()))
                .execute();
    }

    public Optional<Follow> find(DSLContext tx, String follower, String followee) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWER.eq(follower), FOLLOW.FOLLOWEE.eq(followee))
                .fetchOptional(r -> new Follow(r.getId(), r.getFollower(), r.getFollowee(), r.getActivityIri(),
                        State.valueOf(r.getState().toUpperCase())));
    }

    public Optional<Follow> findByActivity(DSLContext tx, String activityIri) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.ACTIVITY_IRI.eq(activityIri))
                .fetchOptional(r -> new Follow(r.getId(), r.getFollower(), r.getFollowee(), r.getActivityIri(),
                        State.valueOf(r.getState().toUpperCase())));
    }

    public void accept(DSLContext tx, long id) {
        tx.update(FOLLOW).set(FOLLOW.STATE, "accepted").where(FOLLOW.ID.eq(id)).returning(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE)
                .fetchOptional().ifPresent(r -> announce(tx, r.getFollower(), r.getFollowee()));
    }

    public int delete(DSLContext tx, String follower, String followee) {
        announce(tx, follower, followee);
        return tx.deleteFrom(FOLLOW).where(FOLLOW.FOLLOWER.eq(follower), FOLLOW.FOLLOWEE.eq(followee)).execute();
    }

    public int deleteAllOf(DSLContext tx, String actor) {
        var removed = tx.deleteFrom(FOLLOW).where(FOLLOW.FOLLOWER.eq(actor).or(FOLLOW.FOLLOWEE.eq(actor)))
                .returning(FOLLOW.FOLLOWER, FOLLOW.FOLLOWEE).fetch();
        removed.forEach(r -> announce(tx, r.getFollower(), r.getFollowee()));
        return removed.size();
    }

    /** Followers and following collections show both sides: a local one's documents change. */
    private static void announce(DSLContext tx, String follower, String followee) {
        Changes.announce(tx, follower);
        Changes.announce(tx, followee);
    }

    /** Accepted followers of an actor, newest first, {@code limit} after the cursor (a follow id). */
    public List<Follow> followers(DSLContext tx, String followee, long beforeId, int limit) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWEE.eq(followee), FOLLOW.STATE.eq("accepted"), FOLLOW.ID.lt(beforeId))
                .orderBy(FOLLOW.ID.desc()).limit(limit)
                .fetch(r -> new Follow(r.getId(), r.getFollower(), r.getFollowee(), r.getActivityIri(), State.ACCEPTED));
    }

    /** Follow requests waiting for the followee's decision. */
    public List<Follow> pendingRequests(DSLContext tx, String followee) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWEE.eq(followee), FOLLOW.STATE.eq("pending")).orderBy(FOLLOW.ID)
                .fetch(r -> new Follow(r.getId(), r.getFollower(), r.getFollowee(), r.getActivityIri(), State.PENDING));
    }

    public List<Follow> following(DSLContext tx, String follower, long beforeId, int limit) {
        return tx.selectFrom(FOLLOW).where(FOLLOW.FOLLOWER.eq(follower), FOLLOW.ID.lt(beforeId))
                .orderBy(FOLLOW.ID.desc()).limit(limit)
                .fetch(r -> new Follow(r.getId(), r.getFollower(), r.getFollowee(), r.getActivityIri(),
                        State.valueOf(r.getState().toUpperCase())));
    }

    public int countFollowers(DSLContext tx, String followee) {
        return tx.fetchCount(FOLLOW, FOLLOW.FOLLOWEE.eq(followee).and(FOLLOW.STATE.eq("accepted")));
    }

    public int countFollowing(DSLContext tx, String follower) {
        return tx.fetchCount(FOLLOW, FOLLOW.FOLLOWER.eq(follower).and(FOLLOW.STATE.eq("accepted")));
    }

    /** All accepted follower IRIs (for fan-out). */
    public List<String> allFollowers(DSLContext tx, String followee) {
        return tx.select(FOLLOW.FOLLOWER).from(FOLLOW).where(FOLLOW.FOLLOWEE.eq(followee), FOLLOW.STATE.eq("accepted"))
                .fetch(Record1::value1);
    }
}
