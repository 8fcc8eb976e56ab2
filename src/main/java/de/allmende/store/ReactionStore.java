package de.allmende.store;

import de.allmende.db.Changes;
import org.jooq.DSLContext;
import org.jooq.Record1;

import java.util.List;

import static de.allmende.db.Tables.REACTION;

/** Likes and Announces (boosts), by actor and object IRI. At most one of each kind per actor and object. */
public final class ReactionStore {
    public enum Kind { LIKE, ANNOUNCE }

    /** A local actor's reactions show in its liked collection and (boosts) its outbox; remote ones are not announced. */
    public boolean insert(DSLContext tx, Kind kind, String actor, String objectIri, String activityIri) {
        Changes.announce(tx, actor);
        return tx.insertInto(REACTION).set(REACTION.KIND, kind.name().toLowerCase()).set(REACTION.ACTOR, actor)
                .set(REACTION.OBJECT_IRI, objectIri).set(REACTION.ACTIVITY_IRI, activityIri)
                .onConflictDoNothing().execute() == 1;
    }

    /** Removes the reaction made by {@code activityIri}, only if it belongs to {@code actor}. */
    public boolean deleteByActivity(DSLContext tx, String activityIri, String actor) {
        Changes.announce(tx, actor);
        return tx.deleteFrom(REACTION).where(REACTION.ACTIVITY_IRI.eq(activityIri), REACTION.ACTOR.eq(actor)).execute() == 1;
    }

    /** The id of the activity that made the reaction (an Undo must embed it). */
    public java.util.Optional<String> activityOf(DSLContext tx, Kind kind, String actor, String objectIri) {
        return tx.select(REACTION.ACTIVITY_IRI).from(REACTION).where(REACTION.KIND.eq(kind.name().toLowerCase()), REACTION.ACTOR.eq(actor),
                REACTION.OBJECT_IRI.eq(objectIri)).fetchOptional(Record1::value1);
    }

    public boolean delete(DSLContext tx, Kind kind, String actor, String objectIri) {
        Changes.announce(tx, actor);
        return tx.deleteFrom(REACTION).where(REACTION.KIND.eq(kind.name().toLowerCase()), REACTION.ACTOR.eq(actor),
                REACTION.OBJECT_IRI.eq(objectIri)).execute() == 1;
    }

    public int count(DSLContext tx, Kind kind, String objectIri) {
        return tx.fetchCount(REACTION, REACTION.KIND.eq(kind.name().toLowerCase()).and(REACTION.OBJECT_IRI.eq(objectIri)));
    }

    public List<String> likedBy(DSLContext tx, String actor) {
        return tx.select(REACTION.OBJECT_IRI).from(REACTION).where(REACTION.KIND.eq("like"), REACTION.ACTOR.eq(actor))
                .orderBy(REACTION.ID.desc()).fetch(Record1::value1);
    }
}
