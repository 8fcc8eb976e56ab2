package de.allmende.federation.inbox.handlers;

import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.CreateActivity;

import java.io.IOException;
import java.net.URI;

/**
 * Create of an object of any type (Note, Article, Page, Event, …): checked to come from the actor's host, converted
 * (raw JSON, proof status, typed post) and kept by the {@link de.allmende.service.RemotePosts} use case.
 */
public final class CreateHandler implements ActivityHandler<CreateActivity> {
    private final CarriedObjects carried;
    private final ReceivedPosts posts;

    CreateHandler(ReceivedPosts posts, RemoteFetcher fetcher, ObjectProofChecker proofs) {
        this.carried = new CarriedObjects(fetcher, proofs);
        this.posts = posts;
    }

    @Override
    public void handle(CreateActivity create) throws IOException {
        AsObject object = carried.embeddedOrFetched(create.created());
        URI id = object.id().orElseThrow();
        if (!id.getRawAuthority().equalsIgnoreCase(create.actor().getRawAuthority())) {
            throw new IllegalArgumentException("object is not on the actor's host");
        }
        var converted = posts.convert(object, create.actor(), carried.proofOf(object, create.activity()));
        posts.use().created(ReceivedActivities.of(create.activity(), id), converted);
    }
}
