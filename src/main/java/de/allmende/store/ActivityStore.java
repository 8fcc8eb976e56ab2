package de.allmende.store;

import de.allmende.db.Changes;
import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Jdbc;
import de.allmende.domain.RawJson;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.ACTIVITY;
import static de.allmende.db.Tables.AP_OBJECT;
import static de.allmende.db.Tables.REACTION;

/** Activities published by local actors (the outbox) and accepted from remote ones. */
public final class ActivityStore {

    public record StoredActivity(long id, String iri, String type, String actor, JsonNode raw) {}

    private static final String INSERT = """
            INSERT INTO activity (iri, type, actor, object_iri, local_actor_id, public, raw) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (iri) DO NOTHING RETURNING id""";

    /**
     * Inserts and returns the row id, or empty if an activity with this IRI exists (dedupe). Plain
     * JDBC on the transaction's connection: it runs once for every inbound activity.
     */
    public Optional<Long> insert(DSLContext tx, String iri, String type, String actor, String objectIri, Long localActorId,
                                 boolean isPublic, JsonNode raw) {
        return insert(tx, iri, type, actor, objectIri, localActorId, isPublic, new RawJson(raw.toString()));
    }

    /** {@link #insert(DSLContext, String, String, String, String, Long, boolean, JsonNode)} of a document kept as it came. */
    public Optional<Long> insert(DSLContext tx, String iri, String type, String actor, String objectIri, Long localActorId,
                                 boolean isPublic, RawJson raw) {
        if (localActorId != null) Changes.announce(tx, actor); // its outbox and profile page
        return tx.connectionResult(c -> {
            try (PreparedStatement st = Jdbc.bind(c.prepareStatement(INSERT), iri, type, actor, objectIri, localActorId, isPublic,
                    raw.toString())) {
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** An activity received from a remote actor, as {@link #insertAll} keeps it. */
    public record Received(String iri, String type, String actor, String objectIri, boolean isPublic, RawJson raw) {}

    /**
     * Inserts received activities in one statement, in the order given; those whose IRI exists already are left as they
     * are (dedupe). A backfill keeps a page's activities so.
     */
    public void insertAll(DSLContext tx, List<Received> rows) {
        if (rows.isEmpty()) return;
        tx.execute("""
                INSERT INTO activity (iri, type, actor, object_iri, public, raw)
                SELECT a.iri, a.type, a.actor, a.object_iri, a.public, a.raw::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[]) WITH ORDINALITY
                     AS a(iri, type, actor, object_iri, public, raw, n)
                ORDER BY a.n
                ON CONFLICT (iri) DO NOTHING""", rows.stream().map(Received::iri).toArray(String[]::new),
                rows.stream().map(Received::type).toArray(String[]::new), rows.stream().map(Received::actor).toArray(String[]::new),
                rows.stream().map(Received::objectIri).toArray(String[]::new), rows.stream().map(Received::isPublic).toArray(Boolean[]::new),
                rows.stream().map(r -> r.raw().text()).toArray(String[]::new));
    }

    /**
     * Stores an activity a relay forwards: {@code verbatim} is the body exactly as it came, which deliveries send
     * instead of the stored JSON (see {@link #verbatim}). Empty if {@code iri} exists (forwarded already).
     */
    public Optional<Long> insertRelayed(DSLContext tx, String iri, String type, String actor, String objectIri, long relayActorId,
                                        String verbatim) {
        return tx.insertInto(ACTIVITY)
                .set(ACTIVITY.IRI, iri).set(ACTIVITY.TYPE, type).set(ACTIVITY.ACTOR, actor).set(ACTIVITY.OBJECT_IRI, objectIri)
                .set(ACTIVITY.LOCAL_ACTOR_ID, relayActorId).set(ACTIVITY.PUBLIC, false) // not the relay's own: no outbox
                .set(ACTIVITY.RAW, org.jooq.JSONB.valueOf(verbatim)).set(ACTIVITY.VERBATIM, verbatim)
                .onConflictDoNothing().returning(ACTIVITY.ID).fetchOptional(ACTIVITY.ID);
    }

    public boolean isPublic(DSLContext tx, long id) {
        return tx.fetchExists(ACTIVITY, ACTIVITY.ID.eq(id), ACTIVITY.PUBLIC.isTrue());
    }

    /** The body a relayed activity came with, if the activity is one. */
    public Optional<String> verbatim(DSLContext tx, long id) {
        return tx.select(ACTIVITY.VERBATIM).from(ACTIVITY).where(ACTIVITY.ID.eq(id)).fetchOptional(ACTIVITY.VERBATIM)
                .filter(java.util.Objects::nonNull);
    }

    public Optional<StoredActivity> find(DSLContext tx, String iri) {
        return tx.selectFrom(ACTIVITY).where(ACTIVITY.IRI.eq(iri))
                .fetchOptional(r -> new StoredActivity(r.getId(), r.getIri(), r.getType(), r.getActor(), ObjectStore.read(r.getRaw())));
    }

    public Optional<StoredActivity> findById(DSLContext tx, long id) {
        return tx.selectFrom(ACTIVITY).where(ACTIVITY.ID.eq(id))
                .fetchOptional(r -> new StoredActivity(r.getId(), r.getIri(), r.getType(), r.getActor(), ObjectStore.read(r.getRaw())));
    }

    /** Public outbox items (Create, Announce, …) of a local actor, newest first, before a cursor. */
    public List<StoredActivity> outbox(DSLContext tx, long localActorId, long beforeId, int limit) {
        return tx.selectFrom(ACTIVITY)
                .where(ACTIVITY.LOCAL_ACTOR_ID.eq(localActorId), ACTIVITY.PUBLIC.isTrue(), ACTIVITY.ID.lt(beforeId),
                        ACTIVITY.TYPE.in("Create", "Announce"), stillStanding())
                .orderBy(ACTIVITY.ID.desc()).limit(limit)
                .fetch(r -> new StoredActivity(r.getId(), r.getIri(), r.getType(), r.getActor(), ObjectStore.read(r.getRaw())));
    }

    public int countOutbox(DSLContext tx, long localActorId) {
        return tx.fetchCount(ACTIVITY, ACTIVITY.LOCAL_ACTOR_ID.eq(localActorId).and(ACTIVITY.PUBLIC.isTrue())
                .and(ACTIVITY.TYPE.in("Create", "Announce")).and(stillStanding()));
    }

    /** Not about a deleted object (its words must not stay readable here), and not an undone boost. */
    private static org.jooq.Condition stillStanding() {
        return org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(AP_OBJECT)
                        .where(AP_OBJECT.IRI.eq(ACTIVITY.OBJECT_IRI), AP_OBJECT.DELETED.isNotNull()))
                .and(ACTIVITY.TYPE.ne("Announce").or(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(REACTION)
                        .where(REACTION.ACTIVITY_IRI.eq(ACTIVITY.IRI)))));
    }
}
