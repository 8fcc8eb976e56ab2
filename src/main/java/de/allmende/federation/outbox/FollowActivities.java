package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.store.ActivityStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Follows as activities: Follow and its Undo, Accept or Reject of a received Follow (embedded as stored), Ignore of a Join. */
final class FollowActivities {
    private final Iris iris;
    private final Clock clock;
    private final Outbox outbox;
    private final ActivityStore activities = new ActivityStore();

    FollowActivities(Iris iris, Clock clock, Outbox outbox) {
        this.iris = iris;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Follows a remote actor (pending until it accepts). */
    void follow(DSLContext tx, LocalActor a, URI id, RemoteActor remote) {
        URI actor = iris.actor(a.handle());
        ObjectNode follow = ActivityJson.about("Follow", id, actor, remote.iri(), clock.instant(), remote.iri().toString());
        outbox.toInboxes(tx, a, follow, remote.iri().toString(), false, List.of(remote.inbox().toString()));
    }

    /** Undoes a follow, embedding the original Follow (Mastodon dispatches Undo on the embedded type). */
    void undoFollow(DSLContext tx, LocalActor a, URI followId, RemoteActor remote) {
        URI actor = iris.actor(a.handle());
        ObjectNode original = ActivityJson.about("Follow", followId, actor, remote.iri(), clock.instant(), remote.iri().toString());
        ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(OutboxService.newId()), actor, original, clock.instant());
        undo.putArray("to").add(remote.iri().toString());
        outbox.toInboxes(tx, a, undo, followId.toString(), false, List.of(remote.inbox().toString()));
    }

    /** Accepts a stored Follow (a request decided later), embedding it exactly as it was received. */
    void acceptFollow(DSLContext tx, LocalActor a, long followId, URI follow, RemoteActor follower) {
        acceptFollow(tx, a, followId, storedFollow(tx, follow), follower);
    }

    /** Rejects a stored Follow, embedding it exactly as it was received. */
    void rejectFollow(DSLContext tx, LocalActor a, URI follow, RemoteActor follower) {
        rejectFollow(tx, a, storedFollow(tx, follow), follower);
    }

    private JsonNode storedFollow(DSLContext tx, URI follow) {
        return activities.find(tx, follow.toString()).map(ActivityStore.StoredActivity::raw)
                .orElseThrow(() -> ApiException.notFound("the Follow activity is not stored"));
    }

    /** Accepts a follow request, embedding the Follow exactly as received (inside the inbox handler's transaction). */
    private void acceptFollow(DSLContext tx, LocalActor a, long followId, JsonNode followActivity, RemoteActor follower) {
        URI actor = iris.actor(a.handle());
        // wrap() keeps the @context of a Follow that carries a proof, so the follower can still verify it.
        ObjectNode embedded = ((ObjectNode) followActivity).deepCopy();
        // Mastodon's id shape for the first Accept of a follow; a repeated Follow (the remote lost its
        // state, or follows again) needs an Accept of its own, and the first id is taken by then.
        URI id = iris.acceptOf(actor, followId);
        if (activities.find(tx, id.toString()).isPresent()) id = iris.activity(OutboxService.newId());
        ObjectNode accept = ActivityJson.wrap("Accept", id, actor, embedded, clock.instant());
        accept.putArray("to").add(follower.iri().toString());
        outbox.toInboxes(tx, a, accept, embedded.path("id").asText(), false, List.of(follower.inbox().toString()));
    }

    private void rejectFollow(DSLContext tx, LocalActor a, JsonNode followActivity, RemoteActor follower) {
        URI actor = iris.actor(a.handle());
        // wrap() keeps the @context of a Follow that carries a proof, so the follower can still verify it.
        ObjectNode embedded = ((ObjectNode) followActivity).deepCopy();
        ObjectNode reject = ActivityJson.wrap("Reject", iris.activity(OutboxService.newId()), actor, embedded, clock.instant());
        reject.putArray("to").add(follower.iri().toString());
        outbox.toInboxes(tx, a, reject, embedded.path("id").asText(), false, List.of(follower.inbox().toString()));
    }

    /** Answers a stored Join of one of our events with Ignore (FEP-8a8e: this node takes no sign-ups over ActivityPub). */
    void ignoreJoin(DSLContext tx, LocalActor organiser, URI join, RemoteActor participant) {
        ObjectNode embedded = (ObjectNode) activities.find(tx, join.toString()).map(ActivityStore.StoredActivity::raw)
                .orElseThrow(() -> new IllegalStateException("the Join activity is not stored")).deepCopy();
        if (!embedded.has("proof")) embedded.remove("@context");
        ObjectNode ignore = ActivityJson.wrap("Ignore", iris.activity(OutboxService.newId()), iris.actor(organiser.handle()), embedded, clock.instant());
        ignore.putArray("to").add(participant.iri().toString());
        outbox.toInboxes(tx, organiser, ignore, embedded.path("id").asText(), false, List.of(participant.inbox().toString()));
    }
}
