package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.store.AccountStore;
import de.allmende.store.FollowStore;
import de.allmende.store.RemoteActorStore;

import java.net.URI;

/**
 * A remote account deleted itself: its follows (both ways) go first, so that the local side's collections learn
 * so, then the actor; its account, reactions and posts (boosts too) go with it (migration V8, V9).
 */
public final class AccountDeletionService {
    private final Database db;
    private final AccountStore accounts = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final RemoteActorStore remoteActors = new RemoteActorStore();

    public AccountDeletionService(Database db) {
        this.db = db;
    }

    public void deleted(URI actor) {
        db.dsl().transaction(cfg -> {
            accounts.remote(cfg.dsl(), actor).ifPresent(a -> follows.deleteAllOf(cfg.dsl(), a.id()));
            remoteActors.delete(cfg.dsl(), actor);
        });
    }
}
