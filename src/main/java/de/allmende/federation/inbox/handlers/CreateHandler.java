package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.json.Json;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.CreateActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;

import java.io.IOException;
import java.net.URI;

/** Create of an object of any type (Note, Article, Page, Event, …): stored with its raw JSON and its proof status, and as a typed post. */
public final class CreateHandler implements ActivityHandler<CreateActivity> {
    private final Database db;
    private final CarriedObjects carried;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();

    private final ReceivedPosts posts;

    CreateHandler(Database db, ReceivedPosts posts, RemoteFetcher fetcher, ObjectProofChecker proofs) {
        this.db = db;
        this.carried = new CarriedObjects(fetcher, proofs);
        this.posts = posts;
    }

    @Override
    public void handle(CreateActivity create) throws IOException {
        InboundActivity activity = create.activity();
        AsObject object = carried.embeddedOrFetched(create.created());
        URI id = object.id().orElseThrow();
        if (!id.getRawAuthority().equalsIgnoreCase(create.actor().getRawAuthority())) {
            throw new IllegalArgumentException("object is not on the actor's host");
        }
        String type = object.type().orElse("Object");
        ObjectProof proof = carried.proofOf(object, activity);
        var post = posts.convert(object, create.actor(), proof);
        db.dsl().transaction(cfg -> {
            activities.insert(cfg.dsl(), activity.id().toString(), "Create", create.actor().toString(), id.toString(), null,
                    activity.isPublic(), activity.raw());
            if (objects.insertRemote(cfg.dsl(), id.toString(), type, create.actor().toString(),
                    Json.inReplyTo(object.json()), object.json(), proof)) {
                post.ifPresent(p -> posts.created(cfg.dsl(), p));
            }
        });
    }
}
