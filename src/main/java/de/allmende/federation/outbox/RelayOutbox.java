package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.json.Contexts;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What relays (FEP-ae0c) send, signed and queued like every activity of ours: the instance actor's subscription
 * to a relay (Follow of as:Public, its Undo), and the relay actor's answers (Accept, Reject), its follow-back of a
 * LitePub subscriber and its Announce of a relayed object.
 */
public final class RelayOutbox {
    private final Iris iris;
    private final Clock clock;
    private final Outbox outbox;

    RelayOutbox(Iris iris, Clock clock, Outbox outbox) {
        this.iris = iris;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Mastodon's relay subscription: the instance actor follows the public collection, at the relay's inbox. */
    public void subscribe(DSLContext tx, LocalActor instance, URI followId, URI relayInbox) {
        outbox.toInboxes(tx, instance, publicFollow(instance, followId), Contexts.PUBLIC, false, List.of(relayInbox.toString()));
    }

    /** Undo of that Follow, embedding it (relays match either the embedded Follow or its id). */
    public void unsubscribe(DSLContext tx, LocalActor instance, URI followId, URI relayInbox) {
        ObjectNode undo = ActivityJson.wrap("Undo", iris.activity(UUID.randomUUID().toString()), iris.actorOf(instance),
                publicFollow(instance, followId), clock.instant());
        outbox.toInboxes(tx, instance, undo, followId.toString(), false, List.of(relayInbox.toString()));
    }

    private ObjectNode publicFollow(LocalActor instance, URI followId) {
        return ActivityJson.about("Follow", followId, iris.actorOf(instance), URI.create(Contexts.PUBLIC), clock.instant());
    }

    /** The relay's answer to a subscription: Accept or Reject, embedding the Follow as it came. */
    public void answer(DSLContext tx, LocalActor relay, String type, JsonNode follow, URI subscriber, String subscriberInbox) {
        ObjectNode answer = ActivityJson.wrap(type, iris.activity(UUID.randomUUID().toString()), iris.actorOf(relay), follow,
                clock.instant());
        answer.putArray("to").add(subscriber.toString());
        outbox.toInboxes(tx, relay, answer, follow.path("id").asText(null), false, List.of(subscriberInbox));
    }

    /** LitePub: the relay follows its subscriber back, so that the subscriber sends it what it publishes. */
    public void followBack(DSLContext tx, LocalActor relay, URI subscriber, String subscriberInbox) {
        ObjectNode follow = ActivityJson.about("Follow", iris.activity(UUID.randomUUID().toString()), iris.actorOf(relay), subscriber,
                clock.instant(), subscriber.toString());
        outbox.toInboxes(tx, relay, follow, subscriber.toString(), false, List.of(subscriberInbox));
    }

    /** LitePub: the relay announces a relayed object, by reference (receivers fetch it from its origin). */
    public void announce(DSLContext tx, LocalActor relay, URI object, Collection<String> inboxes) {
        ObjectNode announce = ActivityJson.about("Announce", iris.activity(UUID.randomUUID().toString()), iris.actorOf(relay), object,
                clock.instant(), Contexts.PUBLIC);
        outbox.toInboxes(tx, relay, announce, object.toString(), false, inboxes);
    }
}
