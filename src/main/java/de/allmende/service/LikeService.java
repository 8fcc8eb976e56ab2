package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;
import java.util.Optional;

/** Likes (favourites): a local actor likes remote posts (the Like goes to the post's author); remote actors like ours. */
public final class LikeService {
    /** A received Like: its id, who likes, and what. */
    public record Received(URI activity, RemoteActor actor, URI object) {}

    private final Reactions reactions;
    private final Publisher publisher;

    public LikeService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.reactions = new Reactions(db, iris, directory, Kind.LIKE, Reactions.Undone.NOTHING);
        this.publisher = publisher;
    }

    /**
     * Likes an object: a remote one's author gets the Like; a post of this node is only counted. Liking again sends
     * nothing and returns the first Like's id.
     */
    public URI like(LocalActor a, URI object) {
        return reactions.react(a, object, (tx, actor, id, o, author) -> author.ifPresent(r -> publisher.like(tx, actor, id, o, r)),
                Reactions.Made.NOTHING);
    }

    /** Takes a like back (404 if there is none). */
    public void undo(LocalActor a, URI object) {
        reactions.takeBack(a, object, (tx, actor, id, author) -> author.ifPresent(r -> publisher.undoLike(tx, actor, id, r)));
    }

    /** A remote actor liked an object; a repeated Like changes nothing (the activity is still recorded). */
    public void received(Received r, ReceivedActivity record) {
        reactions.received(r.activity(), r.actor(), r.object(), record, Reactions.Made.NOTHING);
    }

    /** The liker takes its like back (Undo): the one its Like made, else its like of {@code object}. */
    public void withdrawn(URI actor, Optional<URI> like, Optional<URI> object) {
        reactions.withdrawn(actor, like, object);
    }
}
