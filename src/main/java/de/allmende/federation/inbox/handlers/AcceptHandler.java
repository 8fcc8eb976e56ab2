package de.allmende.federation.inbox.handlers;

import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.AcceptActivity;
import de.allmende.service.FollowService;

/** Accept of one of our Follows (see {@link AnsweredFollows}): the follow stands. Accepts of anything else are ignored. */
public final class AcceptHandler implements ActivityHandler<AcceptActivity> {
    private final FollowService follows;

    public AcceptHandler(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public void handle(AcceptActivity accept) {
        follows.accepted(AnsweredFollows.answer(accept.accepted(), accept.actor()));
    }
}
