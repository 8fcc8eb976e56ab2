package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.federation.vocab.UndoActivity;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.ReactionStore.Kind;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/**
 * Undo of the actor's own Follow, Like or Announce — dispatched on the embedded type as Mastodon does. An
 * Undo naming the activity only by id (no type) is tried as each. What was undone is recorded as a domain event.
 */
public final class UndoHandler implements ActivityHandler<UndoActivity> {
    private final Database db;
    private final FollowStore follows = new FollowStore();
    private final ReactionStore reactions = new ReactionStore();
    private final EventStore events = new EventStore();

    public UndoHandler(Database db) {
        this.db = db;
    }

    @Override
    public void handle(UndoActivity undo) {
        ObjectRef undone = undo.undone();
        String type = undone.type();
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            if (type.equals("Follow") || type.isEmpty()) unfollow(tx, undone, undo.actor());
            if (type.equals("Like") || type.equals("Announce") || type.isEmpty()) unreact(tx, undone, undo.actor());
        });
    }

    private void unfollow(DSLContext tx, ObjectRef undone, URI actor) {
        var follow = follows.findByActivity(tx, iriOf(undone));
        if (follow.isEmpty()) {
            follow = undone.embedded().flatMap(f -> f.object().iri()).flatMap(t -> follows.find(tx, actor.toString(), t.toString()));
        }
        follow.filter(f -> f.follower().equals(actor.toString())).ifPresent(f -> {
            follows.delete(tx, f.follower(), f.followee());
            events.record(tx, new Unfollowed(actor, URI.create(f.followee())));
        });
    }

    private void unreact(DSLContext tx, ObjectRef undone, URI actor) {
        Optional<AsObject> reaction = undone.embedded().filter(a -> a.type().isPresent());
        Optional<Kind> kind = reaction.map(r -> r.isA("Like") ? Kind.LIKE : Kind.ANNOUNCE);
        Optional<URI> object = reaction.flatMap(r -> r.object().iri());
        // Lemmy embeds a Like with a fresh id in its Undo; like Mastodon, fall back to the embedded
        // activity's object (only the undoing actor's own reaction is removed).
        boolean removed = reactions.deleteByActivity(tx, iriOf(undone), actor.toString())
                || (kind.isPresent() && object.isPresent() && reactions.delete(tx, kind.get(), actor.toString(), object.get().toString()));
        if (removed && kind.isPresent() && object.isPresent()) {
            events.record(tx, kind.get() == Kind.LIKE ? new Unliked(actor, object.get()) : new Unboosted(actor, object.get()));
        }
    }

    private static String iriOf(ObjectRef ref) {
        return ref.iri().map(URI::toString).orElse("");
    }
}
