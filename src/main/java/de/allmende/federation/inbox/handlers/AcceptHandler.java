package de.allmende.federation.inbox.handlers;

import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.AcceptActivity;
import de.allmende.service.FollowService;
import de.allmende.service.RelaySubscriptions;

/** Accept of one of our Follows (see {@link AnsweredFollows}): the follow stands. Accepts of anything else are ignored. */
public final class AcceptHandler implements ActivityHandler<AcceptActivity> {
    private final FollowService follows;
    private final RelaySubscriptions relays;

    public AcceptHandler(FollowService follows, RelaySubscriptions relays) {
        this.follows = follows;
        this.relays = relays;
    }

    @Override
    public void handle(AcceptActivity accept) {
        follows.accepted(AnsweredFollows.answer(accept.accepted(), accept.actor()));
        relays.accepted(accept.actor(), accept.accepted().iri()); // or a relay's answer to our subscription
    }
}
