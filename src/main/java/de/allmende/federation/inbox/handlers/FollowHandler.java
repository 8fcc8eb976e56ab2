package de.allmende.federation.inbox.handlers;

import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.vocab.FollowActivity;
import de.allmende.service.ActorService;
import de.allmende.service.FollowRequestService;
import de.allmende.service.FollowRequestService.Request;
import de.allmende.service.ModerationService;

import java.io.IOException;
import java.net.URI;

/**
 * Follow of a local municipality: a request to {@link FollowRequestService}, which accepts it at once or keeps it
 * pending; refused for blocked actors.
 */
public final class FollowHandler implements ActivityHandler<FollowActivity> {
    private final Iris iris;
    private final ActorService actors;
    private final ActorResolver resolver;
    private final ModerationService moderation;
    private final FollowRequestService requests;

    public FollowHandler(Iris iris, ActorService actors, ActorResolver resolver, ModerationService moderation, FollowRequestService requests) {
        this.iris = iris;
        this.actors = actors;
        this.resolver = resolver;
        this.moderation = moderation;
        this.requests = requests;
    }

    @Override
    public void handle(FollowActivity follow) throws IOException {
        URI target = follow.followee();
        LocalActor local = iris.parseActor(target).flatMap(actors::findMunicipality)
                .orElseThrow(() -> new IllegalArgumentException("Follow of an unknown local actor " + target));
        RemoteActor follower = resolver.resolve(follow.actor());
        Request request = new Request(follow.id(), follower, local);
        var record = ReceivedActivities.neverPublic(follow.activity(), target);
        if (moderation.isBlockedActor(follow.actor().toString())) {
            requests.refused(request, record);
        } else {
            requests.requested(request, record);
        }
    }
}
