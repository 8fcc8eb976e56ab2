package de.allmende.federation.inbox.handlers;

import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.UpdateActivity;

import java.io.IOException;
import java.net.URI;

/**
 * Update of an object we hold by its author (any type; kept by the {@link de.allmende.service.RemotePosts} use case,
 * which ignores updates of objects we do not hold or hold as someone else's), or of the actor itself (profile and
 * key changes, which the actor resolver keeps).
 */
public final class UpdateHandler implements ActivityHandler<UpdateActivity> {
    private final ActorResolver resolver;
    private final CarriedObjects carried;
    private final ReceivedPosts posts;

    UpdateHandler(ActorResolver resolver, ReceivedPosts posts, RemoteFetcher fetcher, ObjectProofChecker proofs) {
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
        var converted = posts.convert(object, update.actor(), carried.proofOf(object, update.activity()));
        posts.use().edited(ReceivedActivities.of(update.activity(), converted.id()), converted);
    }

    private void updateActor(AsObject document, URI actor) {
        if (!document.id().orElseThrow().equals(actor)) throw new IllegalArgumentException("actors may only update themselves");
        RemoteActor updated = AsToRemoteActor.convert(document.json()).orElseThrow(() -> new IllegalArgumentException("invalid actor"));
        resolver.store(updated, document.json());
    }
}
