package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.federation.vocab.UndoActivity;
import de.allmende.store.FollowStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.ReactionStore.Kind;
import org.jooq.DSLContext;

import java.net.URI;

/**
 * Undo of the actor's own Follow, Like or Announce — dispatched on the embedded type as Mastodon does. An
 * Undo naming the activity only by id (no type) is tried as each.
 */
public final class UndoHandler implements ActivityHandler<UndoActivity> {
    private final Database db;
    private final FollowStore follows = new FollowStore();
    private final ReactionStore reactions = new ReactionStore();

    public UndoHandler(Database db) {
        this.db = db;
    }

    @Override
    public void handle(UndoActivity undo) {
        ObjectRef undone = undo.undone();
        String type = undone.type();
        String actor = undo.actor().toString();
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            if (type.equals("Follow") || type.isEmpty()) unfollow(tx, undone, actor);
            if (type.equals("Like") || type.equals("Announce") || type.isEmpty()) unreact(tx, undone, actor);
        });
    }

    private void unfollow(DSLContext tx, ObjectRef undone, String actor) {
        var follow = follows.findByActivity(tx, iriOf(undone));
        if (follow.isEmpty()) {
            follow = undone.embedded().flatMap(f -> f.object().iri()).flatMap(t -> follows.find(tx, actor, t.toString()));
        }
        follow.filter(f -> f.follower().equals(actor)).ifPresent(f -> follows.delete(tx, f.follower(), f.followee()));
    }

    private void unreact(DSLContext tx, ObjectRef undone, String actor) {
        if (reactions.deleteByActivity(tx, iriOf(undone), actor)) return;
        // Lemmy embeds a Like with a fresh id in its Undo; like Mastodon, fall back to the embedded
        // activity's object (only the undoing actor's own reaction is removed).
        undone.embedded().filter(a -> a.type().isPresent()).ifPresent(reaction -> {
            Kind kind = reaction.isA("Like") ? Kind.LIKE : Kind.ANNOUNCE;
            reaction.object().iri().ifPresent(o -> reactions.delete(tx, kind, actor, o.toString()));
        });
    }

    private static String iriOf(ObjectRef ref) {
        return ref.iri().map(URI::toString).orElse("");
    }
}
