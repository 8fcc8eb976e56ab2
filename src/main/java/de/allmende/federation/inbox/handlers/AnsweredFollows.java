package de.allmende.federation.inbox.handlers;

import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.service.FollowService.Answer;

import java.net.URI;

/**
 * What an Accept or Reject says about which of our Follows it answers. Matched like Mastodon (in
 * {@code FollowService}): by the Follow's id, or by an embedded Follow whose actor is ours. Only the followed
 * actor may answer.
 */
final class AnsweredFollows {
    private AnsweredFollows() {}

    static Answer answer(ObjectRef answered, URI answerer) {
        return new Answer(answerer, answered.iri(), answered.embedded().flatMap(AsObject::actor));
    }
}
