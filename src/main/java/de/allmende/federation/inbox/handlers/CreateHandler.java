package de.allmende.federation.inbox.handlers;

import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.CreateActivity;

import de.allmende.federation.json.Json;
import de.allmende.service.LocalPolls;

import java.io.IOException;
import java.util.Optional;
import java.net.URI;

/**
 * Create of an object of any type (Note, Article, Page, Event, …): checked to come from the actor's host, converted
 * (raw JSON, proof status, typed post) and kept by the {@link de.allmende.service.RemotePosts} use case.
 */
public final class CreateHandler implements ActivityHandler<CreateActivity> {
    private final CarriedObjects carried;
    private final ReceivedPosts posts;

    private final LocalPolls polls;

    CreateHandler(ReceivedPosts posts, RemoteFetcher fetcher, ObjectProofChecker proofs, LocalPolls polls) {
        this.carried = new CarriedObjects(fetcher, proofs);
        this.posts = posts;
        this.polls = polls;
    }

    @Override
    public void handle(CreateActivity create) throws IOException {
        AsObject object = carried.embeddedOrFetched(create.created());
        URI id = object.id().orElseThrow();
        if (!id.getRawAuthority().equalsIgnoreCase(create.actor().getRawAuthority())) {
            throw new IllegalArgumentException("object is not on the actor's host");
        }
        if (isVote(object, id, create.actor())) return;
        var converted = posts.convert(object, create.actor(), carried.proofOf(object, create.activity()));
        posts.use().created(ReceivedActivities.of(create.activity(), id), converted);
    }

    /**
     * A vote in a poll of this node, as Mastodon sends one: a Note by the actor with the option as {@code name},
     * answering the Question. Counted, and kept as no post (Mastodon shows votes nowhere either).
     */
    private boolean isVote(AsObject object, URI id, URI actor) {
        if (!object.isA("Note") || !object.attributedTo().orElse(actor).equals(actor)) return false;
        var name = Json.text(object.json().get("name"));
        var question = Optional.ofNullable(Json.inReplyTo(object.json())).map(URI::create);
        return name.isPresent() && question.isPresent() && polls.received(actor, id, question.get(), name.get().strip());
    }
}
