package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.RelayStore;
import de.allmende.store.RelayStore.Subscription;
import de.allmende.support.ApiException;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This node as a relay client (FEP-ae0c, Mastodon style): its instance actor subscribes to a relay by following the
 * public collection at the relay's inbox; the subscription stands once the relay accepts. From then on the node's
 * public activities go to the relay too (the fan-out adds its inbox), and what the relay forwards is taken when the
 * inbox can vouch for it (the activity's own proof, or its origin's copy).
 */
public final class RelaySubscriptions {
    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final Supplier<LocalActor> instance;
    private final RelayStore relays = new RelayStore();

    public RelaySubscriptions(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher, Supplier<LocalActor> instance) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
        this.instance = instance;
    }

    /**
     * Subscribes to the relay at {@code target}: its actor (whose inbox is then used) or its inbox URL, as Mastodon's
     * admins enter it. Returns the Follow's IRI; the subscription is pending until the relay accepts.
     */
    public URI subscribe(URI target) {
        if (iris.isLocal(target)) throw ApiException.unprocessable("a node does not subscribe to its own relay");
        Optional<RemoteActor> relay = resolve(target);
        URI inbox = relay.map(RemoteActor::inbox).orElse(target);
        URI followId = iris.newActivity();
        db.dsl().transaction(cfg -> {
            relays.subscribing(cfg.dsl(), inbox.toString(), relay.map(r -> r.iri().toString()), followId.toString());
            publisher.subscribeToRelay(cfg.dsl(), instance.get(), followId, inbox);
        });
        return followId;
    }

    /** Ends the subscription to the relay at {@code target} (its actor or inbox URL): Undo of our Follow. */
    public void unsubscribe(URI target) {
        db.dsl().transaction(cfg -> {
            Subscription s = relays.subscriptions(cfg.dsl()).stream()
                    .filter(sub -> sub.relayInbox().equals(target.toString()) || sub.relayActor().equals(Optional.of(target.toString())))
                    .findFirst().orElseThrow(() -> ApiException.notFound("not subscribed to " + target));
            relays.remove(cfg.dsl(), s.relayInbox());
            publisher.unsubscribeFromRelay(cfg.dsl(), instance.get(), URI.create(s.followIri()), URI.create(s.relayInbox()));
        });
    }

    public List<Subscription> list() {
        return relays.subscriptions(db.dsl());
    }

    /**
     * An Accept of {@code followActivity} by {@code answerer}: our subscription stands, if it was asked of that
     * relay's server (nobody else answers for it). Anything else is not about a relay.
     */
    public void accepted(URI answerer, Optional<URI> followActivity) {
        db.dsl().transaction(cfg -> answered(cfg.dsl(), answerer, followActivity)
                .ifPresent(s -> relays.accepted(cfg.dsl(), s.followIri(), answerer.toString())));
    }

    /** A Reject: the relay does not want us; the subscription is gone. */
    public void rejected(URI answerer, Optional<URI> followActivity) {
        db.dsl().transaction(cfg -> answered(cfg.dsl(), answerer, followActivity)
                .ifPresent(s -> relays.removeByFollow(cfg.dsl(), s.followIri())));
    }

    private Optional<Subscription> answered(org.jooq.DSLContext tx, URI answerer, Optional<URI> followActivity) {
        return followActivity.flatMap(id -> relays.byFollow(tx, id.toString()))
                .filter(s -> URI.create(s.relayInbox()).getRawAuthority().equalsIgnoreCase(answerer.getRawAuthority()))
                .filter(s -> s.relayActor().map(answerer.toString()::equals).orElse(true));
    }

    /**
     * The relay's actor, if {@code target} names one; an inbox URL ({@code …/inbox}, which serves no document) names
     * none, and the relay's Accept will say who it is.
     */
    private Optional<RemoteActor> resolve(URI target) {
        try {
            return Optional.of(directory.actor(target));
        } catch (ApiException e) {
            if (target.getRawPath() != null && target.getRawPath().endsWith("/inbox")) return Optional.empty();
            throw e;
        }
    }
}
