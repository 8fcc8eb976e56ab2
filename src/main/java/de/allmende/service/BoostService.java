package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.Boost;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Visibility;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.BoostStore;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Boosts (Announces): a local actor boosts remote posts, publicly, to the author and to its own followers; remote
 * actors boost what they like. Each boost counts (an announce reaction) and, where the boosted object is a post
 * here, is a post of its own naming it (Mastodon's reblog); taking it back removes both.
 */
public final class BoostService {
    /** A received Announce: its id, the booster, what it boosts, and how it is addressed. */
    public record Received(URI activity, RemoteActor booster, URI object, Audience audience, Instant published) {}

    private final LocalIris iris;
    private final Publisher publisher;
    private final Clock clock = Clock.systemUTC();
    private final Reactions reactions;
    private final BoostStore boosts = new BoostStore();

    public BoostService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.iris = iris;
        this.publisher = publisher;
        // Taking a boost back removes its post too.
        this.reactions = new Reactions(db, iris, directory, Kind.ANNOUNCE,
                (tx, r) -> boosts.delete(tx, URI.create(r.activityIri()), r.account().id()));
    }

    /** Boosts an object, remote or of this node. Boosting again sends nothing and returns the first Announce's id. */
    public URI boost(LocalActor a, URI object) {
        Audience audience = Audience.forVisibility(Visibility.PUBLIC, iris.followers(a.handle()), List.of());
        return reactions.react(a, object, publisher::announce, (tx, by, announce, postId) ->
                boosts.save(tx, new Boost(announce, by.iri(), object, audience, Visibility.PUBLIC, clock.instant(), Origin.LOCAL), by.id(), postId));
    }

    /** Takes a boost back (404 if there is none). */
    public void undo(LocalActor a, URI object) {
        reactions.takeBack(a, object, publisher::undoAnnounce);
    }

    /**
     * Takes back a boost of an object its author deleted (a topic group's): to the booster's followers only, since the
     * author knows, and its deleted object may no longer say who it is (404 if there is no such boost).
     */
    public void undoOfDeleted(LocalActor a, URI object) {
        reactions.takeBack(a, object, Optional.empty(), publisher::undoAnnounce);
    }

    /** A remote actor boosted an object; a repeated Announce changes nothing (the activity is still recorded). */
    public void received(Received r, ReceivedActivity record) {
        Visibility visibility = r.audience().visibility(r.booster().followers().orElse(null));
        Origin origin = new Origin.Remote(r.booster().iri().getRawAuthority(), false);
        reactions.received(r.activity(), r.booster(), r.object(), record, (tx, by, announce, postId) ->
                boosts.save(tx, new Boost(announce, by.iri(), r.object(), r.audience(), visibility, r.published(), origin), by.id(), postId));
    }

    /**
     * The booster takes its boost back (Undo): the one its Announce made, else its boost of {@code object}. A Delete
     * naming the Announce does the same.
     */
    public void withdrawn(URI booster, Optional<URI> announce, Optional<URI> object) {
        reactions.withdrawn(booster, announce, object);
    }
}
