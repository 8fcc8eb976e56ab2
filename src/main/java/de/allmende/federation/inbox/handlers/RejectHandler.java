package de.allmende.federation.inbox.handlers;

import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.RejectActivity;
import de.allmende.service.FollowService;
import de.allmende.service.RelaySubscriptions;

/** Reject of one of our Follows (see {@link AnsweredFollows}), pending or accepted before: the follow is gone. */
public final class RejectHandler implements ActivityHandler<RejectActivity> {
    private final FollowService follows;
    private final RelaySubscriptions relays;

    public RejectHandler(FollowService follows, RelaySubscriptions relays) {
        this.follows = follows;
        this.relays = relays;
    }

    @Override
    public void handle(RejectActivity reject) {
        follows.rejected(AnsweredFollows.answer(reject.rejected(), reject.actor()));
        relays.rejected(reject.actor(), reject.rejected().iri()); // or a relay's answer to our subscription
    }
}
