package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.LikeActivity;
import de.allmende.store.ReactionStore.Kind;

/** Like (a favourite; Misskey's emoji reactions arrive so too): at most one per actor and object. */
public final class LikeHandler implements ActivityHandler<LikeActivity> {
    private final Reactions reactions;

    public LikeHandler(Database db) {
        this.reactions = new Reactions(db);
    }

    @Override
    public void handle(LikeActivity like) {
        if (Reactions.isRelayedActivity(like.liked())) return; // a like of an activity, not of a post: nothing to show
        reactions.record(Kind.LIKE, like.activity(), Reactions.target(like.liked()));
    }
}
