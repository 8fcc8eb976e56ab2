package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.store.EventStore;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.federation.vocab.FollowActivity;
import de.allmende.service.ActorService;
import de.allmende.store.ActivityStore;
import de.allmende.store.FollowStore;
import de.allmende.store.FollowStore.State;

import java.io.IOException;
import java.net.URI;

/**
 * Follow of a local municipality: accepted at once (Accept embeds the Follow, as Mastodon does), or
 * kept pending when the municipality approves followers manually, or rejected for blocked actors.
 */
public final class FollowHandler implements ActivityHandler<FollowActivity> {
    private final Database db;
    private final Iris iris;
    private final ActorService actors;
    private final ActorResolver resolver;
    private final ModerationService moderation;
    private final OutboxService outbox;
    private final FollowStore follows = new FollowStore();
    private final ActivityStore activities = new ActivityStore();
    private final EventStore events = new EventStore();

    public FollowHandler(Database db, Iris iris, ActorService actors, ActorResolver resolver, ModerationService moderation, OutboxService outbox) {
        this.db = db;
        this.iris = iris;
        this.actors = actors;
        this.resolver = resolver;
        this.moderation = moderation;
        this.outbox = outbox;
    }

    @Override
    public void handle(FollowActivity follow) throws IOException {
        URI target = follow.followee();
        String actor = follow.actor().toString();
        LocalActor local = iris.parseActor(target).flatMap(actors::findMunicipality)
                .orElseThrow(() -> new IllegalArgumentException("Follow of an unknown local actor " + target));
        RemoteActor follower = resolver.resolve(follow.actor());
        boolean blocked = moderation.isBlockedActor(actor);
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            activities.insert(tx, follow.id().toString(), "Follow", actor, target.toString(), null, false, follow.activity().raw());
            if (blocked) {
                events.record(tx, new FollowRejected(follow.actor(), target));
                outbox.rejectFollow(tx, local, follow.activity().raw(), follower);
                return;
            }
            State state = local.manuallyApprovesFollowers() ? State.PENDING : State.ACCEPTED;
            follows.upsert(tx, actor, target.toString(), follow.id().toString(), state);
            events.record(tx, state == State.ACCEPTED ? new Followed(follow.actor(), target) : new FollowRequested(follow.actor(), target));
            if (state == State.ACCEPTED) {
                long followId = follows.find(tx, actor, target.toString()).orElseThrow().id();
                outbox.acceptFollow(tx, local, followId, follow.activity().raw(), follower);
            }
        });
    }
}
