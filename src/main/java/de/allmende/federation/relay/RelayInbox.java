package de.allmende.federation.relay;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.inbox.InboxRequest;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Contexts;
import de.allmende.federation.outbox.RelayOutbox;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.service.ActorService;
import de.allmende.service.ModerationService;
import de.allmende.store.RelayStore;
import de.allmende.store.RelayStore.Style;
import de.allmende.store.RelayStore.Subscriber;
import de.allmende.support.ApiException;
import de.allmende.store.DiscoveryStore;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * The relay actor's inbox (FEP-ae0c). Subscriptions in both styles: a Follow of as:Public (Mastodon) or of the relay
 * actor (LitePub, which the relay follows back), from a host on the allowlist (others get a Reject); Undo ends one.
 * A public Create, Update, Delete or Announce that a subscriber sends is forwarded by {@link Forwarding}. The inbox
 * verifies as every inbox does ({@link InboxPipeline#verify}); what it writes, it writes in one transaction, after
 * every check passed.
 */
public final class RelayInbox {
    static final Set<String> RELAYED = Set.of("Create", "Update", "Delete", "Announce", "Move");

    /** What became of a request; the inbox answers 202 with it. */
    public enum Outcome { SUBSCRIBED, REJECTED, UNSUBSCRIBED, FORWARDED, DUPLICATE, NOT_PUBLIC, IGNORED }

    private final Database db;
    private final InboxPipeline pipeline;
    private final ActorService actors;
    private final ActorResolver resolver;
    private final ModerationService moderation;
    private final RelayOutbox outbox;
    private final Iris iris;
    private final Forwarding forwarding;
    private final DiscoveryStore discovery;
    private final RelayStore relays = new RelayStore();

    public RelayInbox(Database db, InboxPipeline pipeline, ActorService actors, ActorResolver resolver, ModerationService moderation,
                      RelayOutbox outbox, Iris iris) {
        this.db = db;
        this.pipeline = pipeline;
        this.actors = actors;
        this.resolver = resolver;
        this.moderation = moderation;
        this.outbox = outbox;
        this.iris = iris;
        this.forwarding = new Forwarding(db, resolver, outbox);
        this.discovery = new DiscoveryStore();
    }

    public Outcome receive(InboxRequest req) {
        LocalActor relay = actors.relayActor().orElseThrow(() -> ApiException.notFound("this node runs no relay"));
        InboxPipeline.Verified verified = pipeline.verify(req);
        InboundActivity activity = verified.activity();
        URI signer = verified.signer();
        if (moderation.isBlockedDomain(activity.actor().getRawAuthority()) || moderation.isBlockedActor(activity.actor().toString())) {
            throw ApiException.forbidden("actor is blocked");
        }
        Outcome outcome = switch (activity.type()) {
            case "Follow" -> subscribe(relay, ownActivity(activity, signer));
            case "Undo" -> unsubscribe(ownActivity(activity, signer));
            case String type when RELAYED.contains(type) -> forwarding.forward(relay, activity, signer, req.body());
            default -> Outcome.IGNORED; // Accept of our follow-back, Like …: nothing a relay does
        };
        if (outcome != Outcome.IGNORED && outcome != Outcome.NOT_PUBLIC) verified.keep().run();
        if (outcome == Outcome.FORWARDED) {
            // What the relay's subscribers publish: automatic coordinators on this node learn of its author (issue 11,
            // point 1; once each, the discovery worker decides whether it is a municipality to subscribe to).
            db.dsl().transaction(cfg -> discovery.learnForAll(cfg.dsl(), DiscoveryStore.Kind.ACTOR, activity.actor(), "relay subscriber " + signer));
        }
        return outcome;
    }

    /** A subscription is the subscriber's own business: signed by the actor it names. */
    private static InboundActivity ownActivity(InboundActivity activity, URI signer) {
        if (!activity.actor().equals(signer)) throw ApiException.forbidden("signer is not the activity's actor");
        return activity;
    }

    private Outcome subscribe(LocalActor relay, InboundActivity follow) {
        URI object = follow.object().iri().orElseThrow(() -> ApiException.badRequest("Follow names no object"));
        Style style;
        if (Contexts.PUBLIC.equals(object.toString())) style = Style.MASTODON;
        else if (iris.relayActor().equals(object)) style = Style.LITEPUB;
        else throw ApiException.unprocessable("a relay is followed at " + Contexts.PUBLIC + " or as its actor " + iris.relayActor());
        RemoteActor subscriber = resolved(follow.actor());
        String inbox = subscriber.deliveryInbox().toString();
        return db.dsl().transactionResult(cfg -> {
            if (!relays.isAllowed(cfg.dsl(), subscriber.host())) {
                outbox.answer(cfg.dsl(), relay, "Reject", follow.raw(), subscriber.iri(), inbox);
                return Outcome.REJECTED;
            }
            relays.subscribe(cfg.dsl(), new Subscriber(subscriber.iri().toString(), subscriber.host(), inbox, style, follow.id().toString()));
            outbox.answer(cfg.dsl(), relay, "Accept", follow.raw(), subscriber.iri(), inbox);
            if (style == Style.LITEPUB) outbox.followBack(cfg.dsl(), relay, subscriber.iri(), inbox);
            return Outcome.SUBSCRIBED;
        });
    }

    private Outcome unsubscribe(InboundActivity undo) {
        String undone = undo.object().type();
        if (!undone.isEmpty() && !undone.equals("Follow")) return Outcome.IGNORED;
        boolean removed = db.dsl().transactionResult(cfg -> relays.unsubscribe(cfg.dsl(), undo.actor().toString()));
        return removed ? Outcome.UNSUBSCRIBED : Outcome.IGNORED;
    }

    private RemoteActor resolved(URI actor) {
        try {
            return resolver.resolve(actor);
        } catch (IOException e) {
            throw new ApiException(502, "cannot fetch the subscriber " + actor + ": " + e.getMessage(), e);
        }
    }
}
