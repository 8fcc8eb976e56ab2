package de.allmende.federation.inbox.handlers;

import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.store.EventStore;
import java.net.URI;
import de.allmende.db.Database;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.RejectActivity;
import de.allmende.store.FollowStore;

/** Reject of one of our Follows (see {@link AnsweredFollows}), pending or accepted before: the follow is gone. */
public final class RejectHandler implements ActivityHandler<RejectActivity> {
    private final Database db;
    private final AnsweredFollows answered = new AnsweredFollows();
    private final EventStore events = new EventStore();
    private final FollowStore follows = new FollowStore();

    public RejectHandler(Database db) {
        this.db = db;
    }

    @Override
    public void handle(RejectActivity reject) {
        db.dsl().transaction(cfg -> answered.find(cfg.dsl(), reject.rejected(), reject.actor())
                .ifPresent(follow -> {
                    follows.delete(cfg.dsl(), follow.follower(), follow.followee());
                    events.record(cfg.dsl(), new FollowRejected(URI.create(follow.follower()), reject.actor()));
                }));
    }
}
