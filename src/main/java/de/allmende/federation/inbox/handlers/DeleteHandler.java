package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.vocab.DeleteActivity;
import de.allmende.service.AccountDeletionService;
import de.allmende.service.BoostService;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;

import java.time.Instant;
import java.util.Optional;

/**
 * Delete of an object by its author (it becomes a Tombstone), of a boost by its booster (as Mastodon takes a Delete
 * naming an Announce), or of the actor itself: the account is gone.
 */
public final class DeleteHandler implements ActivityHandler<DeleteActivity> {
    private final Database db;
    private final ActorResolver resolver;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();
    private final AccountDeletionService accounts;
    private final BoostService boosts;

    private final ReceivedPosts posts;

    DeleteHandler(Database db, ActorResolver resolver, ReceivedPosts posts, AccountDeletionService accounts, BoostService boosts) {
        this.db = db;
        this.resolver = resolver;
        this.posts = posts;
        this.accounts = accounts;
        this.boosts = boosts;
    }

    @Override
    public void handle(DeleteActivity delete) {
        if (delete.deleted().equals(delete.actor())) {
            accounts.deleted(delete.actor());
            resolver.forget(delete.actor()); // its keys verify nothing any more, also from memory
            return;
        }
        String id = delete.deleted().toString();
        String actor = delete.actor().toString();
        if (objects.find(db.dsl(), id).isEmpty()) {
            boosts.withdrawn(delete.actor(), Optional.of(delete.deleted()), Optional.empty()); // an Announce, if any
            return;
        }
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            var stored = objects.find(tx, id);
            if (stored.isEmpty() || !stored.get().attributedTo().equals(actor)) return; // unknown, or not theirs
            activities.insert(tx, delete.id().toString(), "Delete", actor, id, null, false, delete.activity().raw());
            objects.markDeleted(tx, id, ActivityJson.tombstone(delete.deleted(), Instant.now()));
            posts.deleted(tx, delete.actor(), delete.deleted());
        });
    }
}
