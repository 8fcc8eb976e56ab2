package de.allmende.federation.inbox.handlers;

import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.RejectActivity;
import de.allmende.service.FollowService;

/** Reject of one of our Follows (see {@link AnsweredFollows}), pending or accepted before: the follow is gone. */
public final class RejectHandler implements ActivityHandler<RejectActivity> {
    private final FollowService follows;

    public RejectHandler(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public void handle(RejectActivity reject) {
        follows.rejected(AnsweredFollows.answer(reject.rejected(), reject.actor()));
    }
}
