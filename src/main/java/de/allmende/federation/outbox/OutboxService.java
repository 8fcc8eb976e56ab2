package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.ActivityPublished;
import de.allmende.domain.post.PollFacts;
import de.allmende.domain.post.Post;
import de.allmende.federation.content.ContentToAs;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.Contexts;
import de.allmende.federation.json.Json;
import de.allmende.federation.json.LocalActorToAs;
import de.allmende.federation.post.AsToPoll;
import de.allmende.federation.post.PollToAs;
import de.allmende.federation.post.PostToNote;
import de.allmende.service.KeyService;
import de.allmende.service.port.Publisher;
import de.allmende.store.ObjectStore;
import de.allmende.store.RemoteActorStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outbound adapter: what the use cases change (see {@link Publisher}) becomes an ActivityStreams
 * activity, which {@link Outbox} signs, stores and queues for delivery to every target inbox, in the caller's
 * transaction. Accept and Reject of a received Follow come from the follow-request use case, which embeds the
 * Follow as stored with its record; Ignore of a Join from the event-join use case.
 * The use cases decide and record what happened (domain events); this records only that an activity was published
 * ({@link ActivityPublished}, which the fan-out consumes). Posts are written here; follows ({@link FollowActivities})
 * and reactions, blocks and reports ({@link ReactionActivities}) in classes of their own.
 */
public final class OutboxService implements Publisher {
    private final Iris iris;
    private final Clock clock;
    private final ObjectStore objects = new ObjectStore();
    private final KeyService keys;
    private final ProofSigner proofs;
    private final Outbox outbox;
    private final PostToNote notes;
    private final RemoteActorStore remoteActors = new RemoteActorStore();
    private final FollowActivities follows;
    private final ReactionActivities reactions;
    private final RelayOutbox relays;

    public OutboxService(Iris iris, Clock clock, KeyService keys) {
        this.iris = iris;
        this.clock = clock;
        this.keys = keys;
        this.proofs = new ProofSigner(keys, iris, clock);
        this.outbox = new Outbox(iris, proofs);
        this.notes = new PostToNote(iris);
        this.follows = new FollowActivities(iris, clock, outbox);
        this.reactions = new ReactionActivities(iris, clock, outbox);
        this.relays = new RelayOutbox(iris, clock, outbox);
    }

    /** What relays send, and what is sent to them (FEP-ae0c). */
    public RelayOutbox relays() {
        return relays;
    }

    @Override
    public void subscribeToRelay(DSLContext tx, LocalActor instance, URI followId, URI relayInbox) {
        relays.subscribe(tx, instance, followId, relayInbox);
    }

    @Override
    public void unsubscribeFromRelay(DSLContext tx, LocalActor instance, URI followId, URI relayInbox) {
        relays.unsubscribe(tx, instance, followId, relayInbox);
    }

    /**
     * A local Note (Create), addressed and delivered as its audience says, as Mastodon does: public, unlisted and
     * followers-only to the followers, and to the people addressed by IRI; direct only to those people.
     */
    @Override
    public void createNote(DSLContext tx, LocalActor a, Post note) {
        createPost(tx, a, notes.convert(tx, note));
    }

    /** As a note, the object a Question with the poll's options (Mastodon's shape: {@link PollToAs}). */
    @Override
    public void createQuestion(DSLContext tx, LocalActor a, Post note, PollFacts poll) {
        ObjectNode question = notes.convert(tx, note);
        PollToAs.write(question, poll);
        createPost(tx, a, question);
    }

    /** The stored Question with the new counts, signed again; Update to whom the Create went, and to the voters. */
    @Override
    public void updateQuestion(DSLContext tx, LocalActor a, URI question, PollFacts poll, Collection<String> voterInboxes) {
        URI actor = iris.actor(a.handle());
        ObjectNode object = stripProof(ownObject(tx, a, question));
        PollToAs.write(object, poll);
        ObjectNode signed = proofs.sign(a.id(), actor, object);
        objects.update(tx, question.toString(), signed);
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, signed, clock.instant());
        addressed(tx, a, update, question.toString(), voterInboxes);
    }

    private void createPost(DSLContext tx, LocalActor a, ObjectNode object) {
        URI actor = iris.actor(a.handle());
        ObjectNode signed = proofs.sign(a.id(), actor, object);
        objects.insert(tx, signed.get("id").asText(), signed.get("type").asText(), actor.toString(), Json.inReplyTo(signed), a.id(), signed);
        ObjectNode create = ActivityJson.wrap("Create", iris.activity(newId()), actor, signed, clock.instant());
        addressed(tx, a, create, signed.get("id").asText());
    }

    /** A vote: Create(Note) to the poll's author only, not kept as an object of ours (Mastodon keeps none either). */
    @Override
    public void vote(DSLContext tx, LocalActor a, URI id, URI question, String option, RemoteActor author) {
        URI actor = iris.actor(a.handle());
        ObjectNode note = Json.MAPPER.createObjectNode();
        note.put("id", id.toString());
        note.put("type", "Note");
        note.put("name", option);
        note.put("attributedTo", actor.toString());
        note.put("inReplyTo", question.toString());
        note.putArray("to").add(author.iri().toString());
        ObjectNode create = ActivityJson.wrap("Create", iris.activity(newId()), actor, note, clock.instant());
        outbox.toInboxes(tx, a, create, question.toString(), false, List.of(author.inbox().toString()));
    }

    /** Edits a local Note: Update with the new version (it carries {@code updated}), to the same audience. */
    @Override
    public void updateNote(DSLContext tx, LocalActor a, Post note) {
        URI actor = iris.actor(a.handle());
        ObjectNode before = ownObject(tx, a, note.iri());
        ObjectNode converted = notes.convert(tx, note);
        // An edit changes the words; a poll stays as counted (AsToPoll reads what the stored Question says).
        AsToPoll.read(before).ifPresent(poll -> PollToAs.write(converted, poll));
        ObjectNode signed = proofs.sign(a.id(), actor, converted);
        objects.update(tx, note.iri().toString(), signed);
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, signed, clock.instant());
        addressed(tx, a, update, note.iri().toString());
    }

    /**
     * Queues an activity for whom it is addressed to: the author's followers if their collection is named, and the
     * inboxes of the remote actors named (known here: a mention is resolved before it is addressed). Only an activity
     * addressed to the public shows in the outbox.
     */
    private void addressed(DSLContext tx, LocalActor a, ObjectNode activity, String objectIri) {
        addressed(tx, a, activity, objectIri, List.of());
    }

    private void addressed(DSLContext tx, LocalActor a, ObjectNode activity, String objectIri, Collection<String> alsoTo) {
        List<String> addresses = new ArrayList<>(Json.addresses(activity.get("to")));
        addresses.addAll(Json.addresses(activity.get("cc")));
        boolean toFollowers = addresses.contains(iris.followers(a.handle()).toString());
        Set<String> inboxes = new LinkedHashSet<>(alsoTo);
        for (String address : addresses) {
            if (address.equals(Contexts.PUBLIC) || iris.isLocal(URI.create(address))) continue;
            remoteActors.find(tx, URI.create(address)).ifPresent(c -> inboxes.add(c.actor().deliveryInbox().toString()));
        }
        if (toFollowers) outbox.toFollowers(tx, a, activity, objectIri, Json.isPublic(activity), inboxes);
        else outbox.toInboxes(tx, a, activity, objectIri, Json.isPublic(activity), inboxes);
    }

    @Override
    public void createContent(DSLContext tx, LocalActor a, Content c) {
        create(tx, a, ContentToAs.convert(c, iris.followers(a.handle())));
    }

    @Override
    public void updateContent(DSLContext tx, LocalActor a, Content c) {
        update(tx, a, ContentToAs.convert(c, iris.followers(a.handle())));
    }

    /**
     * Inside the caller's transaction: signs a new local object (FEP-8b32), stores it and sends
     * Create to the followers. Returns the signed object.
     */
    public ObjectNode create(DSLContext tx, LocalActor a, ObjectNode object) {
        URI actor = iris.actor(a.handle());
        ObjectNode signed = proofs.sign(a.id(), actor, stripProof(object));
        objects.insert(tx, signed.get("id").asText(), signed.get("type").asText(), actor.toString(), Json.inReplyTo(signed), a.id(), signed);
        ObjectNode create = ActivityJson.wrap("Create", iris.activity(newId()), actor, signed, clock.instant());
        outbox.toFollowers(tx, a, create, signed.get("id").asText(), true, List.of());
        return signed;
    }

    /** Inside the caller's transaction: re-signs an edited local object, stores it and sends Update. */
    public ObjectNode update(DSLContext tx, LocalActor a, ObjectNode edited) {
        URI actor = iris.actor(a.handle());
        String id = edited.get("id").asText();
        ownObject(tx, a, URI.create(id));
        ObjectNode signed = proofs.sign(a.id(), actor, stripProof(edited)); // the old proof covers the old text
        objects.update(tx, id, signed);
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, signed, clock.instant());
        outbox.toFollowers(tx, a, update, id, true, List.of());
        return signed;
    }

    /** Inside the caller's transaction: replaces a local object by a Tombstone and sends Delete. */
    @Override
    public void delete(DSLContext tx, LocalActor a, URI iri) {
        ObjectNode object = ownObject(tx, a, iri);
        Instant now = clock.instant();
        ObjectNode tombstone = ActivityJson.tombstone(iri, now);
        objects.markDeleted(tx, iri.toString(), tombstone);
        ObjectNode delete = ActivityJson.wrap("Delete", iris.activity(newId()), iris.actor(a.handle()), tombstone, now);
        // To whom the object went, no further: a followers-only or direct note's Delete reaches no one else.
        if (object.has("to")) delete.set("to", object.get("to"));
        if (object.has("cc")) delete.set("cc", object.get("cc"));
        addressed(tx, a, delete, iri.toString());
    }

    private static ObjectNode stripProof(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("proof");
        return copy;
    }

    @Override
    public void follow(DSLContext tx, LocalActor a, URI id, RemoteActor remote) {
        follows.follow(tx, a, id, remote);
    }

    @Override
    public void undoFollow(DSLContext tx, LocalActor a, URI followId, RemoteActor remote) {
        follows.undoFollow(tx, a, followId, remote);
    }

    @Override
    public void acceptFollow(DSLContext tx, LocalActor a, long followId, URI follow, RemoteActor follower) {
        follows.acceptFollow(tx, a, followId, follow, follower);
    }

    @Override
    public void rejectFollow(DSLContext tx, LocalActor a, URI follow, RemoteActor follower) {
        follows.rejectFollow(tx, a, follow, follower);
    }

    @Override
    public void ignoreJoin(DSLContext tx, LocalActor organiser, URI join, RemoteActor participant) {
        follows.ignoreJoin(tx, organiser, join, participant);
    }

    @Override
    public void like(DSLContext tx, LocalActor a, URI id, URI objectIri, RemoteActor author) {
        reactions.like(tx, a, id, objectIri, author);
    }

    @Override
    public void announce(DSLContext tx, LocalActor a, URI id, URI objectIri, Optional<RemoteActor> author) {
        reactions.announce(tx, a, id, objectIri, author);
    }

    @Override
    public void undoLike(DSLContext tx, LocalActor a, URI likeId, RemoteActor author) {
        reactions.undoLike(tx, a, likeId, author);
    }

    @Override
    public void undoAnnounce(DSLContext tx, LocalActor a, URI announceId, Optional<RemoteActor> author) {
        reactions.undoAnnounce(tx, a, announceId, author);
    }

    @Override
    public void block(DSLContext tx, LocalActor a, URI id, RemoteActor blocked) {
        reactions.block(tx, a, id, blocked);
    }

    @Override
    public void undoBlock(DSLContext tx, LocalActor a, URI blockId, RemoteActor blocked) {
        reactions.undoBlock(tx, a, blockId, blocked);
    }

    @Override
    public void flag(DSLContext tx, LocalActor sender, URI id, RemoteActor reported, List<URI> statuses, String comment) {
        reactions.flag(tx, sender, id, reported, statuses, comment);
    }

    /** Mastodon's way of federating a pin: {@code Add} of the post to the featured collection ({@code target}). */
    @Override
    public void pinned(DSLContext tx, LocalActor a, URI post) {
        featuredChanged(tx, a, "Add", post);
    }

    @Override
    public void unpinned(DSLContext tx, LocalActor a, URI post) {
        featuredChanged(tx, a, "Remove", post);
    }

    private void featuredChanged(DSLContext tx, LocalActor a, String type, URI post) {
        ObjectNode change = ActivityJson.about(type, iris.activity(newId()), iris.actor(a.handle()), post, clock.instant(), Contexts.PUBLIC);
        change.put("target", iris.featured(a.handle()).toString());
        change.putArray("cc").add(iris.followers(a.handle()).toString());
        outbox.toFollowers(tx, a, change, post.toString(), false, List.of());
    }

    /** Tells followers that the actor's profile or keys changed. */
    @Override
    public void actorUpdated(DSLContext tx, LocalActor a) {
        URI actor = iris.actor(a.handle());
        JsonNode doc = new LocalActorToAs(iris).municipality(a, keys.publishedKeys(a.id()));
        ObjectNode update = ActivityJson.wrap("Update", iris.activity(newId()), actor, doc, clock.instant());
        update.putArray("to").add(Contexts.PUBLIC);
        outbox.toFollowers(tx, a, update, actor.toString(), false, List.of());
    }

    /** The stored document of one of the actor's objects (the use case has checked that it is theirs and not deleted). */
    private ObjectNode ownObject(DSLContext tx, LocalActor a, URI iri) {
        return objects.find(tx, iri.toString()).filter(o -> o.localActorId().orElse(-1L) == a.id() && o.deleted().isEmpty())
                .orElseThrow(() -> new IllegalStateException("not a live object of " + a.handle() + ": " + iri)).raw();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
