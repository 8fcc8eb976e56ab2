package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.vocab.DeleteActivity;
import de.allmende.store.ActivityStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.RemoteActorStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;

/** Delete of an object by its author (it becomes a Tombstone), or of the actor itself: the account is gone. */
public final class DeleteHandler implements ActivityHandler<DeleteActivity> {
    private final Database db;
    private final ActorResolver resolver;
    private final ActivityStore activities = new ActivityStore();
    private final FollowStore follows = new FollowStore();
    private final ObjectStore objects = new ObjectStore();
    private final RemoteActorStore remoteActors = new RemoteActorStore();

    private final ReceivedPosts posts;

    DeleteHandler(Database db, ActorResolver resolver, ReceivedPosts posts) {
        this.db = db;
        this.resolver = resolver;
        this.posts = posts;
    }

    @Override
    public void handle(DeleteActivity delete) {
        if (delete.deleted().equals(delete.actor())) {
            db.dsl().transaction(cfg -> forgetAccount(cfg.dsl(), delete.actor()));
            resolver.forget(delete.actor()); // its keys verify nothing any more, also from memory
            return;
        }
        String id = delete.deleted().toString();
        String actor = delete.actor().toString();
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            var stored = objects.find(tx, id);
            if (stored.isEmpty() || !stored.get().attributedTo().equals(actor)) return; // unknown, or not theirs
            activities.insert(tx, delete.id().toString(), "Delete", actor, id, null, false, delete.activity().raw());
            objects.markDeleted(tx, id, ActivityJson.tombstone(delete.deleted(), Instant.now()));
            posts.deleted(tx, delete.actor(), delete.deleted());
        });
    }

    private void forgetAccount(DSLContext tx, URI actor) {
        follows.deleteAllOf(tx, actor.toString());
        remoteActors.delete(tx, actor);
    }
}
