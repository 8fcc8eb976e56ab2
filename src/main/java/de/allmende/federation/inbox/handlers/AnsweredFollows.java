package de.allmende.federation.inbox.handlers;

import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.store.FollowStore;
import de.allmende.store.FollowStore.Follow;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/**
 * Which of our Follows an Accept or Reject answers. Matched like Mastodon: by the Follow's id, or by an
 * embedded Follow whose actor is ours. Only the followed actor may answer.
 */
final class AnsweredFollows {
    private final FollowStore follows = new FollowStore();

    /** The follow of ours that {@code answerer} answers, if {@code answered} names one and it is theirs to answer. */
    Optional<Follow> find(DSLContext tx, ObjectRef answered, URI answerer) {
        Optional<Follow> follow = answered.iri().flatMap(id -> follows.findByActivity(tx, id.toString()));
        if (follow.isEmpty()) {
            Optional<URI> follower = answered.embedded().flatMap(AsObject::actor);
            follow = follower.flatMap(f -> follows.find(tx, f.toString(), answerer.toString()));
        }
        return follow.filter(f -> f.followee().equals(answerer.toString())); // not ours, or not theirs to answer
    }
}
