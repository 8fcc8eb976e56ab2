package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.ActivityPublished;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.Contexts;
import de.allmende.federation.json.Json;
import de.allmende.federation.json.LocalActorToAs;
import de.allmende.service.KeyService;
import de.allmende.store.ActivityStore;
import de.allmende.store.DeliveryStore;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.ReactionStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Publishing: every method writes the state change, the activity, the delivery rows of the inboxes it
 * names and, for the actor's followers, an {@link ActivityPublished} event in one transaction; the
 * {@link FanOut} consumer writes the followers' rows after it. Network work (resolving a remote actor or
 * object) happens before it.
 */
public final class OutboxService {
    private final Database db;
    private final Iris iris;
    private final Clock clock;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();
    private final FollowStore follows = new FollowStore();
    private final ReactionStore reactions = new ReactionStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final EventStore events = new EventStore();
    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final KeyService keys;
    private final ProofSigner proofs;

    public OutboxService(Database db, Iris iris, Clock clock, ActorResolver resolver, RemoteFetcher fetcher, KeyService keys) {
        this.db = db;
        this.iris = iris;
        this.clock = clock;
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.keys = keys;
        this.proofs = new ProofSigner(keys, iris, clock);
    }

    /** Publishes a public Note (Create) to the actor's followers. Returns the Note's IRI. */
    public URI publishNote(LocalActor a, String html) {
        URI actor = iris.actor(a.handle());
        URI id = iris.object(newId());
        ObjectNode note = ActivityJson.note(id, actor, iris.followers(a.handle()), html, clock.instant(), id);
        db.dsl().transaction(cfg -> create(cfg.dsl(), a, note));
        return id;
    }

    /** Edits a local Note (Update with the new content and an {@code updated} time). */
    public void updateNote(LocalActor a, URI noteIri, String html) {
        db.dsl().transaction(cfg -> {
            ObjectNode edited = ownObject(cfg.dsl(), a, noteIri);
            edited.put("content", html);
            edited.put("updated", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            update(cfg.dsl(), a, edited);
        });
    }

    /** Deletes a local Note: a Tombstone stays (410 Gone) and Delete goes to followers. */
    public void deleteNote(LocalActor a, URI noteIri) {
        db.dsl().transaction(cfg -> delete(cfg.dsl(), a, noteIri));
    }

    /**
     * Inside the caller's transaction: signs a new local object (FEP-8b32), stores it and sends
     * Create to the followers. Returns the signed object.
     */
    public ObjectNode create(DSLContext tx, LocalActor a, ObjectNode object) {
        URI actor = iris.actor(a.handle());
        ObjectNode signed = proofs.sign(a.id(), actor, stripProof(object));
        objects.insert(tx, signed.get("id").asText(), signed.get("type").asText(), actor.toString(), a.id(), signed);
        events.record(tx, new PostCreated(actor, URI.create(signed.get("id").asText()), signed.get("type").asText()));
        ObjectNode create = ActivityJson.wrap("Create", iris.activity(newId()), actor, signed, clock.instant());
        publishToFollowers(tx, a, create, signed.get("id").asText(), true, List.of());
        return signed;
    }

    /** Inside the caller's transaction: re-signs an edited local object, stores it and sends Update. */
    public ObjectNode update(DSLContext tx, LocalActor a, ObjectNode edited) {
        URI actor = iris.actor(a.handle());
        String id = edited.get("id").asText();
        ownObject(tx, a, URI.create(id));
        ObjectNode signed = proofs.sign(a.id(), actor, stripProof(edited)); // the old proof covers the old text
        objects.update(tx, id, signed);
        events.record(tx, new PostEdited(actor, URI.create(id), signed.get("type").asText()));
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, signed, clock.instant());
        publishToFollowers(tx, a, update, id, true, List.of());
        return signed;
    }

    /** Inside the caller's transaction: replaces a local object by a Tombstone and sends Delete. */
    public void delete(DSLContext tx, LocalActor a, URI iri) {
        ObjectNode object = ownObject(tx, a, iri);
        Instant now = clock.instant();
        ObjectNode tombstone = ActivityJson.tombstone(iri, now);
        objects.markDeleted(tx, iri.toString(), tombstone);
        events.record(tx, new PostDeleted(iris.actor(a.handle()), iri));
        ObjectNode delete = ActivityJson.wrap("Delete", iris.activity(newId()), iris.actor(a.handle()), tombstone, now);
        delete.set("to", object.get("to"));
        delete.set("cc", object.get("cc"));
        publishToFollowers(tx, a, delete, iri.toString(), true, List.of());
    }

    private static ObjectNode stripProof(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("proof");
        return copy;
    }

    /** Follows a remote actor (pending until it accepts). */
    public URI follow(LocalActor a, URI target) {
        RemoteActor remote = resolveActor(target);
        URI actor = iris.actor(a.handle());
        URI id = iris.activity(newId());
        ObjectNode follow = ActivityJson.about("Follow", id, actor, remote.iri(), clock.instant(), remote.iri().toString());
        db.dsl().transaction(cfg -> {
            follows.upsert(cfg.dsl(), actor.toString(), remote.iri().toString(), id.toString(), FollowStore.State.PENDING);
            events.record(cfg.dsl(), new FollowRequested(actor, remote.iri()));
            publish(cfg.dsl(), a, follow, remote.iri().toString(), false, List.of(remote.inbox().toString()));
        });
        return id;
    }

    /** Undoes a follow, embedding the original Follow (Mastodon dispatches Undo on the embedded type). */
    public void unfollow(LocalActor a, URI target) {
        RemoteActor remote = resolveActor(target);
        URI actor = iris.actor(a.handle());
        db.dsl().transaction(cfg -> {
            var existing = follows.find(cfg.dsl(), actor.toString(), remote.iri().toString())
                    .orElseThrow(() -> ApiException.notFound("not following " + remote.iri()));
            ObjectNode original = ActivityJson.about("Follow", URI.create(existing.activityIri()), actor, remote.iri(), clock.instant(),
                    remote.iri().toString());
            ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(newId()), actor, original, clock.instant());
            undo.putArray("to").add(remote.iri().toString());
            follows.delete(cfg.dsl(), actor.toString(), remote.iri().toString());
            events.record(cfg.dsl(), new Unfollowed(actor, remote.iri()));
            publish(cfg.dsl(), a, undo, existing.activityIri(), false, List.of(remote.inbox().toString()));
        });
    }

    /** Accepts a follow request, embedding the Follow exactly as received (inside the inbox handler's transaction). */
    public void acceptFollow(DSLContext tx, LocalActor a, long followId, JsonNode followActivity, RemoteActor follower) {
        URI actor = iris.actor(a.handle());
        // wrap() keeps the @context of a Follow that carries a proof, so the follower can still verify it.
        ObjectNode embedded = ((ObjectNode) followActivity).deepCopy();
        // Mastodon's id shape for the first Accept of a follow; a repeated Follow (the remote lost its
        // state, or follows again) needs an Accept of its own, and the first id is taken by then.
        URI id = iris.acceptOf(actor, followId);
        if (activities.find(tx, id.toString()).isPresent()) id = iris.activity(newId());
        ObjectNode accept = ActivityJson.wrap("Accept", id, actor, embedded, clock.instant());
        accept.putArray("to").add(follower.iri().toString());
        publish(tx, a, accept, embedded.path("id").asText(), false, List.of(follower.inbox().toString()));
    }

    /**
     * Decides a pending follow request of a municipality that approves followers manually: Accept or
     * Reject, embedding the Follow exactly as it was received.
     */
    public void decideFollowRequest(LocalActor a, URI follower, boolean approve) {
        RemoteActor remote = resolveActor(follower);
        String followee = iris.actor(a.handle()).toString();
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            var request = follows.find(tx, follower.toString(), followee)
                    .filter(f -> f.state() == FollowStore.State.PENDING)
                    .orElseThrow(() -> ApiException.notFound("no pending follow request from " + follower));
            JsonNode followActivity = activities.find(tx, request.activityIri()).map(ActivityStore.StoredActivity::raw)
                    .orElseThrow(() -> ApiException.notFound("the Follow activity is not stored"));
            if (approve) {
                follows.accept(tx, request.id());
                events.record(tx, new Followed(follower, URI.create(followee)));
                acceptFollow(tx, a, request.id(), followActivity, remote);
            } else {
                follows.delete(tx, follower.toString(), followee);
                events.record(tx, new FollowRejected(follower, URI.create(followee)));
                rejectFollow(tx, a, followActivity, remote);
            }
        });
    }

    public void rejectFollow(DSLContext tx, LocalActor a, JsonNode followActivity, RemoteActor follower) {
        URI actor = iris.actor(a.handle());
        // wrap() keeps the @context of a Follow that carries a proof, so the follower can still verify it.
        ObjectNode embedded = ((ObjectNode) followActivity).deepCopy();
        ObjectNode reject = ActivityJson.wrap("Reject", iris.activity(newId()), actor, embedded, clock.instant());
        reject.putArray("to").add(follower.iri().toString());
        publish(tx, a, reject, embedded.path("id").asText(), false, List.of(follower.inbox().toString()));
    }

    /** Answers a Join of one of our events with Ignore (FEP-8a8e: this node takes no sign-ups over ActivityPub). */
    public void ignore(DSLContext tx, LocalActor a, JsonNode join, RemoteActor participant) {
        ObjectNode embedded = ((ObjectNode) join).deepCopy();
        if (!embedded.has("proof")) embedded.remove("@context");
        ObjectNode ignore = ActivityJson.wrap("Ignore", iris.activity(newId()), iris.actor(a.handle()), embedded, clock.instant());
        ignore.putArray("to").add(participant.iri().toString());
        publish(tx, a, ignore, embedded.path("id").asText(), false, List.of(participant.inbox().toString()));
    }

    /** Likes a remote object: the Like goes to its author. Liking again sends nothing and returns the first Like's id. */
    public URI like(LocalActor a, URI objectIri) {
        RemoteActor author = authorOf(objectIri);
        URI actor = iris.actor(a.handle());
        URI id = iris.activity(newId());
        ObjectNode like = ActivityJson.about("Like", id, actor, objectIri, clock.instant(), author.iri().toString());
        return db.dsl().transactionResult(cfg -> {
            if (!reactions.insert(cfg.dsl(), ReactionStore.Kind.LIKE, actor.toString(), objectIri.toString(), id.toString())) {
                return URI.create(reactions.activityOf(cfg.dsl(), ReactionStore.Kind.LIKE, actor.toString(), objectIri.toString()).orElseThrow());
            }
            events.record(cfg.dsl(), new Liked(actor, objectIri));
            publish(cfg.dsl(), a, like, objectIri.toString(), false, List.of(author.inbox().toString()));
            return id;
        });
    }

    /** Boosts a remote object: to the author and to the booster's followers, publicly. Boosting again sends nothing. */
    public URI announce(LocalActor a, URI objectIri) {
        RemoteActor author = authorOf(objectIri);
        URI actor = iris.actor(a.handle());
        URI id = iris.activity(newId());
        ObjectNode announce = ActivityJson.about("Announce", id, actor, objectIri, clock.instant(), Contexts.PUBLIC);
        announce.putArray("cc").add(author.iri().toString()).add(iris.followers(a.handle()).toString());
        return db.dsl().transactionResult(cfg -> {
            if (!reactions.insert(cfg.dsl(), ReactionStore.Kind.ANNOUNCE, actor.toString(), objectIri.toString(), id.toString())) {
                return URI.create(reactions.activityOf(cfg.dsl(), ReactionStore.Kind.ANNOUNCE, actor.toString(), objectIri.toString()).orElseThrow());
            }
            events.record(cfg.dsl(), new Boosted(actor, objectIri));
            publishToFollowers(cfg.dsl(), a, announce, objectIri.toString(), true, List.of(author.deliveryInbox().toString()));
            return id;
        });
    }

    /** Takes a Like back: the Undo embeds the original Like with its id (Mastodon matches it by id). */
    public void undoLike(LocalActor a, URI objectIri) {
        undoReaction(a, objectIri, ReactionStore.Kind.LIKE);
    }

    /** Takes a boost back: to the author and the booster's followers, like the Announce itself. */
    public void undoAnnounce(LocalActor a, URI objectIri) {
        undoReaction(a, objectIri, ReactionStore.Kind.ANNOUNCE);
    }

    private void undoReaction(LocalActor a, URI objectIri, ReactionStore.Kind kind) {
        RemoteActor author = authorOf(objectIri);
        URI actor = iris.actor(a.handle());
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            String originalId = reactions.activityOf(tx, kind, actor.toString(), objectIri.toString())
                    .orElseThrow(() -> ApiException.notFound("no " + kind.name().toLowerCase() + " of " + objectIri));
            ObjectNode original = (ObjectNode) activities.find(tx, originalId).orElseThrow().raw();
            ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(newId()), actor, original, clock.instant()); // same addressing
            reactions.delete(tx, kind, actor.toString(), objectIri.toString());
            events.record(tx, kind == ReactionStore.Kind.LIKE ? new Unliked(actor, objectIri) : new Unboosted(actor, objectIri));
            if (kind == ReactionStore.Kind.ANNOUNCE) {
                publishToFollowers(tx, a, undo, originalId, Json.isPublic(undo), List.of(author.deliveryInbox().toString()));
            } else {
                publish(tx, a, undo, originalId, Json.isPublic(undo), List.of(author.inbox().toString()));
            }
        });
    }

    /** Tells followers that the actor's profile or keys changed. */
    public void publishActorUpdate(LocalActor a) {
        URI actor = iris.actor(a.handle());
        JsonNode doc = new LocalActorToAs(iris).municipality(a, keys.publishedKeys(a.id()));
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, doc, clock.instant());
        update.putArray("to").add(Contexts.PUBLIC);
        db.dsl().transaction(cfg -> publishToFollowers(cfg.dsl(), a, update, actor.toString(), false, List.of()));
    }

    /** Publishes to {@code inboxes} only: their delivery rows are written with the activity. */
    private void publish(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic, Collection<String> inboxes) {
        publish(tx, a, unsigned, objectIri, isPublic, false, inboxes);
    }

    /**
     * Publishes to the actor's followers and to {@code alsoTo}: the activity and an {@link ActivityPublished} event
     * are written here, the follower rows by the {@link FanOut} consumer after the commit, whatever their number.
     */
    private void publishToFollowers(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic,
                                    Collection<String> alsoTo) {
        publish(tx, a, unsigned, objectIri, isPublic, true, alsoTo);
    }

    private void publish(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic, boolean toFollowers,
                         Collection<String> inboxes) {
        ObjectNode activity = proofs.sign(a.id(), iris.actor(a.handle()), unsigned);
        long activityId = activities.insert(tx, activity.get("id").asText(), activity.get("type").asText(),
                activity.get("actor").asText(), objectIri, a.id(), isPublic, activity).orElseThrow();
        deliveries.enqueue(tx, activityId, a.id(), inboxes);
        events.record(tx, new ActivityPublished(iris.actor(a.handle()), URI.create(activity.get("id").asText()),
                activity.get("type").asText(), activityId, a.id(), toFollowers, List.copyOf(inboxes)));
    }

    private ObjectNode ownObject(DSLContext tx, LocalActor a, URI iri) {
        var stored = objects.find(tx, iri.toString()).filter(o -> o.localActorId().orElse(-1L) == a.id())
                .orElseThrow(() -> ApiException.notFound("no such object of " + a.handle()));
        if (stored.deleted().isPresent()) throw ApiException.gone("the object was deleted");
        return stored.raw();
    }

    private RemoteActor resolveActor(URI target) {
        try {
            return resolver.resolve(target);
        } catch (IOException e) {
            throw new ApiException(502, "cannot resolve " + target + ": " + e.getMessage(), e);
        }
    }

    private RemoteActor authorOf(URI objectIri) {
        try {
            var known = objects.find(db.dsl(), objectIri.toString());
            JsonNode obj = known.isPresent() ? known.get().raw() : fetcher.fetch(objectIri);
            URI author = Json.uri(obj.get("attributedTo")).or(() -> Json.uri(obj.get("actor")))
                    .orElseThrow(() -> new IOException("object has no author"));
            return resolver.resolve(author);
        } catch (IOException e) {
            throw new ApiException(502, "cannot resolve " + objectIri + ": " + e.getMessage(), e);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
