package de.allmende.federation.inbox.handlers;

import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.LikeActivity;
import de.allmende.service.LikeService;

import java.io.IOException;
import java.net.URI;

/** Like (a favourite; Misskey's emoji reactions arrive so too): at most one per actor and object. */
public final class LikeHandler implements ActivityHandler<LikeActivity> {
    private final ActorResolver resolver;
    private final LikeService likes;

    public LikeHandler(ActorResolver resolver, LikeService likes) {
        this.resolver = resolver;
        this.likes = likes;
    }

    @Override
    public void handle(LikeActivity like) throws IOException {
        if (Reactions.isRelayedActivity(like.liked())) return; // a like of an activity, not of a post: nothing to show
        URI object = Reactions.target(like.liked());
        var liker = resolver.known(like.actor());
        likes.received(new LikeService.Received(like.id(), liker, object), ReceivedActivities.of(like.activity(), object));
    }
}
