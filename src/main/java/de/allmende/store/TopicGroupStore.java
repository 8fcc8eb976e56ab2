package de.allmende.store;

import de.allmende.domain.coordinator.TopicGroup;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static de.allmende.db.Tables.ACCOUNT;
import static de.allmende.db.Tables.ACTOR;
import static de.allmende.db.Tables.REACTION;
import static de.allmende.db.Tables.TOPIC_GROUP;

/** The coordinators' topic groups (migration V26), and what deciding whether one boosts an item needs to read. */
public final class TopicGroupStore {
    private final ActorStore actors = new ActorStore();

    /**
     * What a group's decision about a post reads: whether it is public and live, whether it answers another, when it
     * was published, the fields of action its object declares ({@code fieldOfAction}, codes not yet checked) and its
     * hashtags, its author and whether the author is of this node or followed from here (a coordinator's subscriptions
     * are follows), whom it addresses ({@code to}, {@code cc} and FEP-1b12's {@code audience}), and whether it first came
     * by a coordinator's backfill (history, not news).
     */
    public record Item(URI iri, URI author, boolean publicAndLive, boolean reply, Instant published, List<String> declaredFields,
                       List<String> hashtags, boolean authorKnown, Set<String> addressed, boolean backfilled) {}

    /**
     * Serialises the making of groups across processes until the transaction ends: of all coordinators at once, since
     * the groups of two coordinators may want the same handle.
     */
    public void lock(DSLContext tx) {
        tx.fetch("SELECT pg_advisory_xact_lock(hashtextextended('topic_group', 0))");
    }

    /** Records that the actor is the coordinator's group for the field. */
    public void link(DSLContext tx, long groupActorId, long coordinatorId, String field) {
        tx.insertInto(TOPIC_GROUP).set(TOPIC_GROUP.ACTOR_ID, groupActorId).set(TOPIC_GROUP.COORDINATOR_ID, coordinatorId)
                .set(TOPIC_GROUP.FIELD, field).execute();
    }

    /** The coordinator's groups, by handle. */
    public List<TopicGroup> ofCoordinator(DSLContext tx, long coordinatorId) {
        return groups(tx, TOPIC_GROUP.COORDINATOR_ID.eq(coordinatorId));
    }

    /** Every coordinator's groups for these fields of action. */
    public List<TopicGroup> ofFields(DSLContext tx, Collection<String> fields) {
        return fields.isEmpty() ? List.of() : groups(tx, TOPIC_GROUP.FIELD.in(fields));
    }

    /** The groups among the local actors with these handles. */
    public List<TopicGroup> withHandles(DSLContext tx, Collection<String> handles) {
        return handles.isEmpty() ? List.of() : groups(tx, ACTOR.HANDLE.in(handles));
    }

    /** The groups that boosted this object (and have not taken it back). */
    public List<TopicGroup> boosted(DSLContext tx, URI object) {
        return groups(tx, TOPIC_GROUP.ACTOR_ID.in(tx.select(ACCOUNT.LOCAL_ACTOR_ID).from(REACTION).join(ACCOUNT).on(ACCOUNT.ID.eq(REACTION.ACCOUNT_ID))
                .where(REACTION.KIND.eq("announce"), REACTION.OBJECT_IRI.eq(object.toString()))));
    }

    /** The group that is this actor, if it is one. */
    public Optional<TopicGroup> ofActor(DSLContext tx, long actorId) {
        return groups(tx, TOPIC_GROUP.ACTOR_ID.eq(actorId)).stream().findFirst();
    }

    private List<TopicGroup> groups(DSLContext tx, org.jooq.Condition which) {
        return tx.select(TOPIC_GROUP.ACTOR_ID, TOPIC_GROUP.COORDINATOR_ID, TOPIC_GROUP.FIELD).from(TOPIC_GROUP)
                .join(ACTOR).on(ACTOR.ID.eq(TOPIC_GROUP.ACTOR_ID)).where(which).orderBy(ACTOR.HANDLE)
                .fetch(r -> new TopicGroup(actors.findById(tx, r.value1()).orElseThrow(), r.value2(), r.value3()));
    }

    /**
     * Whether {@code author} follows the group (accepted), or the group's coordinator subscribes to or follows it: the
     * remote municipalities whose posts addressed to the group it takes.
     */
    public boolean knows(DSLContext tx, URI group, long coordinatorId, URI coordinator, URI author) {
        String a = author.toString();
        return tx.fetchExists(tx.selectOne().where("""
                EXISTS (SELECT 1 FROM follow WHERE follower = ? AND followee = ? AND state = 'accepted')
                OR EXISTS (SELECT 1 FROM coordinator_subscription WHERE coordinator_id = ? AND municipality = ?)
                OR EXISTS (SELECT 1 FROM follow WHERE follower = ? AND followee = ? AND state = 'accepted')""",
                a, group.toString(), coordinatorId, a, coordinator.toString(), a));
    }

    /** The post's facts as {@link Item} (what a peer wrote that is no text, a null, is left out); empty if there is no such post. */
    public Optional<Item> item(DSLContext tx, long postId) {
        Record r = tx.fetchOne("""
                SELECT p.iri, p.author_iri, p.visibility = 'public' AND p.deleted IS NULL, p.in_reply_to IS NOT NULL, p.published,
                       ARRAY(SELECT f FROM jsonb_array_elements_text(CASE jsonb_typeof(o.raw->'fieldOfAction')
                                 WHEN 'array' THEN o.raw->'fieldOfAction' WHEN 'string' THEN jsonb_build_array(o.raw->'fieldOfAction')
                                 ELSE '[]' END) AS f WHERE f IS NOT NULL),
                       ARRAY(SELECT t FROM unnest(p.hashtags) AS t WHERE t IS NOT NULL),
                       p.origin_host IS NULL OR EXISTS (SELECT 1 FROM follow f WHERE f.followee = p.author_iri AND f.state = 'accepted'),
                       ARRAY(SELECT DISTINCT x FROM (VALUES (p.audience->'to'), (p.audience->'cc'),
                                 (CASE jsonb_typeof(o.raw->'audience') WHEN 'string' THEN jsonb_build_array(o.raw->'audience')
                                                                       ELSE o.raw->'audience' END)) AS a(list),
                                 jsonb_array_elements_text(CASE jsonb_typeof(a.list) WHEN 'array' THEN a.list ELSE '[]' END) AS x
                             WHERE x IS NOT NULL),
                       EXISTS (SELECT 1 FROM aggregated_item ai WHERE ai.object_iri = p.iri AND ai.via = 'backfill')
                FROM post p LEFT JOIN ap_object o ON o.id = p.object_id
                WHERE p.id = ?""", postId);
        if (r == null) return Optional.empty();
        return Optional.of(new Item(URI.create(r.get(0, String.class)), URI.create(r.get(1, String.class)), r.get(2, Boolean.class),
                r.get(3, Boolean.class), r.get(4, OffsetDateTime.class).toInstant(), List.of(r.get(5, String[].class)),
                List.of(r.get(6, String[].class)), r.get(7, Boolean.class), Set.of(r.get(8, String[].class)), r.get(9, Boolean.class)));
    }
}
