package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.Contexts;
import de.allmende.federation.json.Json;
import de.allmende.store.ActivityStore;
import de.allmende.store.ReactionStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What one account does to another's post or to the account itself: Like, Announce and their Undo, Block and its Undo, Flag. */
final class ReactionActivities {
    private final Iris iris;
    private final Clock clock;
    private final Outbox outbox;
    private final ActivityStore activities = new ActivityStore();

    ReactionActivities(Iris iris, Clock clock, Outbox outbox) {
        this.iris = iris;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Likes a remote object: the Like goes to its author. */
    void like(DSLContext tx, LocalActor a, URI id, URI objectIri, RemoteActor author) {
        ObjectNode like = ActivityJson.about("Like", id, iris.actor(a.handle()), objectIri, clock.instant(), author.iri().toString());
        outbox.toInboxes(tx, a, like, objectIri.toString(), false, List.of(author.inbox().toString()));
    }

    /** Boosts an object: to the booster's followers and a remote author, publicly. */
    void announce(DSLContext tx, LocalActor a, URI id, URI objectIri, Optional<RemoteActor> author) {
        ObjectNode announce = ActivityJson.about("Announce", id, iris.actor(a.handle()), objectIri, clock.instant(), Contexts.PUBLIC);
        var cc = announce.putArray("cc");
        author.ifPresent(r -> cc.add(r.iri().toString()));
        cc.add(iris.followers(a.handle()).toString());
        outbox.toFollowers(tx, a, announce, objectIri.toString(), true, inboxOf(author));
    }

    /** Takes a Like back: the Undo embeds the original Like with its id (Mastodon matches it by id). */
    void undoLike(DSLContext tx, LocalActor a, URI likeId, RemoteActor author) {
        undoReaction(tx, a, likeId, java.util.Optional.of(author), ReactionStore.Kind.LIKE);
    }

    /** Takes a boost back: to the author and the booster's followers, like the Announce itself. */
    void undoAnnounce(DSLContext tx, LocalActor a, URI announceId, Optional<RemoteActor> author) {
        undoReaction(tx, a, announceId, author, ReactionStore.Kind.ANNOUNCE);
    }

    private void undoReaction(DSLContext tx, LocalActor a, URI originalId, Optional<RemoteActor> author, ReactionStore.Kind kind) {
        ObjectNode original = (ObjectNode) activities.find(tx, originalId.toString()).orElseThrow().raw();
        ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(OutboxService.newId()), iris.actor(a.handle()), original, clock.instant()); // same addressing
        if (kind == ReactionStore.Kind.ANNOUNCE) {
            outbox.toFollowers(tx, a, undo, originalId.toString(), Json.isPublic(undo), inboxOf(author));
        } else {
            outbox.toInboxes(tx, a, undo, originalId.toString(), Json.isPublic(undo), List.of(author.orElseThrow().inbox().toString()));
        }
    }

    /** A remote author's (shared) inbox, beside the followers; none for a post of this node. */
    private static List<String> inboxOf(Optional<RemoteActor> author) {
        return author.map(r -> List.of(r.deliveryInbox().toString())).orElse(List.of());
    }

    /** Blocks a remote actor: to it alone, never public (Mastodon's shape: object is the blocked actor). */
    void block(DSLContext tx, LocalActor a, URI id, RemoteActor blocked) {
        ObjectNode block = ActivityJson.about("Block", id, iris.actor(a.handle()), blocked.iri(), clock.instant(), blocked.iri().toString());
        outbox.toInboxes(tx, a, block, blocked.iri().toString(), false, List.of(blocked.inbox().toString()));
    }

    /** Takes a Block back: the Undo embeds the Block as it was published. */
    void undoBlock(DSLContext tx, LocalActor a, URI blockId, RemoteActor blocked) {
        URI actor = iris.actor(a.handle());
        ObjectNode original = activities.find(tx, blockId.toString()).map(b -> (ObjectNode) b.raw().deepCopy())
                .orElseGet(() -> ActivityJson.about("Block", blockId, actor, blocked.iri(), clock.instant(), blocked.iri().toString()));
        ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(OutboxService.newId()), actor, original, clock.instant());
        undo.putArray("to").add(blocked.iri().toString());
        outbox.toInboxes(tx, a, undo, blockId.toString(), false, List.of(blocked.inbox().toString()));
    }

    /** A report to the reported account's server (its shared inbox, if it has one): never public, kept in no outbox. */
    void flag(DSLContext tx, LocalActor sender, URI id, RemoteActor reported, List<URI> statuses, String comment) {
        ObjectNode flag = ActivityJson.flag(id, iris.instanceActor(), reported.iri(), statuses, comment, clock.instant());
        outbox.toInboxes(tx, sender, flag, reported.iri().toString(), false, List.of(reported.deliveryInbox().toString()));
    }
}
