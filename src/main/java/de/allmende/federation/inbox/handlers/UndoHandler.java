package de.allmende.federation.inbox.handlers;

import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.federation.vocab.UndoActivity;
import de.allmende.service.BoostService;
import de.allmende.service.FollowRequestService;
import de.allmende.service.FollowRequestService.Withdrawal;
import de.allmende.service.LikeService;

import java.net.URI;
import java.util.Optional;

/**
 * Undo of the actor's own Follow, Like or Announce — dispatched on the embedded type as Mastodon does. An
 * Undo naming the activity only by id (no type) is tried as each. Each service removes only the actor's own.
 */
public final class UndoHandler implements ActivityHandler<UndoActivity> {
    private final FollowRequestService follows;
    private final LikeService likes;
    private final BoostService boosts;

    public UndoHandler(FollowRequestService follows, LikeService likes, BoostService boosts) {
        this.follows = follows;
        this.likes = likes;
        this.boosts = boosts;
    }

    @Override
    public void handle(UndoActivity undo) {
        ObjectRef undone = undo.undone();
        String type = undone.type();
        URI actor = undo.actor();
        Optional<URI> id = undone.iri();
        // What the embedded activity was about: the followee, or the liked or boosted object.
        Optional<URI> object = undone.embedded().flatMap(a -> a.object().iri());
        if (type.equals("Follow") || type.isEmpty()) follows.withdrawn(new Withdrawal(actor, id, object));
        // Lemmy embeds a Like with a fresh id: like Mastodon, the embedded activity's object says which reaction.
        Optional<URI> reacted = type.isEmpty() ? Optional.empty() : object;
        if (type.equals("Like") || type.isEmpty()) likes.withdrawn(actor, id, reacted);
        if (type.equals("Announce") || type.isEmpty()) boosts.withdrawn(actor, id, reacted);
    }
}
