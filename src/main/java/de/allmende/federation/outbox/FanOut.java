package de.allmende.federation.outbox;

import de.allmende.db.Database;
import de.allmende.domain.event.ActivityPublished;
import de.allmende.domain.event.DomainEvent;
import de.allmende.store.AccountStore;
import de.allmende.store.DeliveryStore;
import de.allmende.store.RemoteActorStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The fan-out consumer: turns "activity published to the followers of X" into one delivery row per
 * follower inbox, off the request path. Rows go in chunks, each in a transaction of its own, so the delivery
 * worker starts sending the first chunk while later ones are written. Running it again for the same event
 * (a retry, or a job taken over from a process that died half-way) adds only the rows still missing.
 * Followers are those at fan-out time: a follower who left in between no longer gets the post. A public activity
 * also goes to the relays that accepted this node's subscription.
 */
public final class FanOut {
    static final int CHUNK = 500;

    private final Database db;
    private final AccountStore accounts = new AccountStore();
    private final RemoteActorStore remoteActors = new RemoteActorStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final de.allmende.store.ActivityStore activities = new de.allmende.store.ActivityStore();
    private final de.allmende.store.RelayStore relays = new de.allmende.store.RelayStore();
    /** What a relay forwards; Mastodon sends Create, Update, Delete (and Move) to its relays, we boosts too. */
    private static final java.util.Set<String> RELAYED = java.util.Set.of("Create", "Update", "Delete", "Announce");

    public FanOut(Database db) {
        this.db = db;
    }

    public void apply(DomainEvent event) {
        if (!(event instanceof ActivityPublished published) || !published.toFollowers()) return;
        var followee = accounts.localId(db.dsl(), published.senderActorId());
        if (followee.isEmpty()) return; // the actor is gone, and its followers with it
        var targets = new java.util.LinkedHashSet<>(remoteActors.followerInboxes(db.dsl(), followee.get()));
        if (RELAYED.contains(published.activityType()) && activities.isPublic(db.dsl(), published.activityId())) {
            targets.addAll(relays.acceptedRelayInboxes(db.dsl())); // FEP-ae0c: a relay client sends its public activities to its relays
        }
        List<String> inboxes = new ArrayList<>(targets);
        for (int from = 0; from < inboxes.size(); from += CHUNK) {
            List<String> chunk = inboxes.subList(from, Math.min(inboxes.size(), from + CHUNK));
            db.dsl().transaction(cfg -> deliveries.enqueue(cfg.dsl(), published.activityId(), published.senderActorId(), chunk));
        }
    }
}
