package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.federation.vocab.UpdateActivity;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;

import java.io.IOException;
import java.net.URI;

/**
 * Update of an object we hold by its author (any type), or of the actor itself (profile and key changes).
 * Updates of objects we do not hold, or hold as someone else's, are ignored.
 */
public final class UpdateHandler implements ActivityHandler<UpdateActivity> {
    private final Database db;
    private final ActorResolver resolver;
    private final CarriedObjects carried;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();
    private final ReceivedPosts posts;

    UpdateHandler(Database db, ActorResolver resolver, ReceivedPosts posts, RemoteFetcher fetcher, ObjectProofChecker proofs) {
        this.db = db;
        this.resolver = resolver;
        this.carried = new CarriedObjects(fetcher, proofs);
        this.posts = posts;
    }

    @Override
    public void handle(UpdateActivity update) throws IOException {
        AsObject object = carried.embeddedOrFetched(update.updated());
        if (AsToRemoteActor.ACTOR_TYPES.contains(object.type().orElse(""))) {
            updateActor(object, update.actor());
            return;
        }
        InboundActivity activity = update.activity();
        String id = object.id().orElseThrow().toString();
        String actor = update.actor().toString();
        ObjectProof proof = carried.proofOf(object, activity);
        var post = posts.convert(object, update.actor(), proof);
        db.dsl().transaction(cfg -> {
            var stored = objects.find(cfg.dsl(), id);
            if (stored.isEmpty() || !stored.get().attributedTo().equals(actor)) return; // unknown, or not theirs
            activities.insert(cfg.dsl(), activity.id().toString(), "Update", actor, id, null, activity.isPublic(), activity.raw());
            objects.updateRemote(cfg.dsl(), id, object.json(), proof);
            post.ifPresent(p -> posts.edited(cfg.dsl(), p));
        });
    }

    private void updateActor(AsObject document, URI actor) {
        if (!document.id().orElseThrow().equals(actor)) throw new IllegalArgumentException("actors may only update themselves");
        RemoteActor updated = AsToRemoteActor.convert(document.json()).orElseThrow(() -> new IllegalArgumentException("invalid actor"));
        resolver.store(updated, document.json());
    }
}
