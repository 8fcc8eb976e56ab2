package de.allmende.federation.inbox.handlers;

import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.store.EventStore;
import java.net.URI;
import de.allmende.db.Database;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.AcceptActivity;
import de.allmende.store.FollowStore;

/** Accept of one of our Follows (see {@link AnsweredFollows}): the follow stands. Accepts of anything else are ignored. */
public final class AcceptHandler implements ActivityHandler<AcceptActivity> {
    private final Database db;
    private final AnsweredFollows answered = new AnsweredFollows();
    private final EventStore events = new EventStore();
    private final FollowStore follows = new FollowStore();

    public AcceptHandler(Database db) {
        this.db = db;
    }

    @Override
    public void handle(AcceptActivity accept) {
        db.dsl().transaction(cfg -> answered.find(cfg.dsl(), accept.accepted(), accept.actor())
                .ifPresent(follow -> {
                    follows.accept(cfg.dsl(), follow.id());
                    events.record(cfg.dsl(), new Followed(URI.create(follow.follower()), accept.actor()));
                }));
    }
}
