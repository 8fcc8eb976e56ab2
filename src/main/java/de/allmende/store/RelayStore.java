package de.allmende.store;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.RELAY_ALLOWED_DOMAIN;
import static de.allmende.db.Tables.RELAY_SUBSCRIBER;
import static de.allmende.db.Tables.RELAY_SUBSCRIPTION;

/**
 * Relays (FEP-ae0c), both sides: as a relay, the allowlist and the subscribers; as a client, the relays this
 * node subscribed to.
 */
public final class RelayStore {
    public enum Style {
        /** Followed as:Public; gets the activities as they came. */
        MASTODON,
        /** Followed the relay actor, which follows back; gets an Announce of each new object. */
        LITEPUB;

        public String dbName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record Subscriber(String actor, String host, String inbox, Style style, String followIri) {}

    public record Subscription(String relayInbox, Optional<String> relayActor, String followIri, boolean accepted) {}

    // ------------------------------------------------------------------ the relay's allowlist

    public boolean allow(DSLContext tx, String domain) {
        return tx.insertInto(RELAY_ALLOWED_DOMAIN).set(RELAY_ALLOWED_DOMAIN.DOMAIN, domain).onConflictDoNothing().execute() > 0;
    }

    public boolean deny(DSLContext tx, String domain) {
        return tx.deleteFrom(RELAY_ALLOWED_DOMAIN).where(RELAY_ALLOWED_DOMAIN.DOMAIN.eq(domain)).execute() > 0;
    }

    public List<String> allowed(DSLContext tx) {
        return tx.select(RELAY_ALLOWED_DOMAIN.DOMAIN).from(RELAY_ALLOWED_DOMAIN).orderBy(RELAY_ALLOWED_DOMAIN.DOMAIN)
                .fetch(RELAY_ALLOWED_DOMAIN.DOMAIN);
    }

    /** Whether an actor of {@code host} (with its port, if any) may subscribe: its host or host:port is allowed. */
    public boolean isAllowed(DSLContext tx, String authority) {
        String host = authority.replaceFirst(":\\d+$", "");
        return tx.fetchExists(RELAY_ALLOWED_DOMAIN, RELAY_ALLOWED_DOMAIN.DOMAIN.in(authority.toLowerCase(java.util.Locale.ROOT),
                host.toLowerCase(java.util.Locale.ROOT)));
    }

    // ------------------------------------------------------------------ the relay's subscribers

    public void subscribe(DSLContext tx, Subscriber s) {
        tx.insertInto(RELAY_SUBSCRIBER)
                .set(RELAY_SUBSCRIBER.ACTOR, s.actor()).set(RELAY_SUBSCRIBER.HOST, s.host()).set(RELAY_SUBSCRIBER.INBOX, s.inbox())
                .set(RELAY_SUBSCRIBER.STYLE, s.style().dbName()).set(RELAY_SUBSCRIBER.FOLLOW_IRI, s.followIri())
                .onConflict(RELAY_SUBSCRIBER.ACTOR).doUpdate()
                .set(RELAY_SUBSCRIBER.INBOX, s.inbox()).set(RELAY_SUBSCRIBER.STYLE, s.style().dbName())
                .set(RELAY_SUBSCRIBER.FOLLOW_IRI, s.followIri())
                .execute();
    }

    public boolean unsubscribe(DSLContext tx, String actor) {
        return tx.deleteFrom(RELAY_SUBSCRIBER).where(RELAY_SUBSCRIBER.ACTOR.eq(actor)).execute() > 0;
    }

    /** Whether some actor of this authority subscribed: what it sends is relayed. */
    public boolean isSubscribedHost(DSLContext tx, String authority) {
        return tx.fetchExists(RELAY_SUBSCRIBER, RELAY_SUBSCRIBER.HOST.equalIgnoreCase(authority));
    }

    /** Every subscriber but those of {@code originHost} (a relay never echoes an activity to where it came from). */
    public List<Subscriber> subscribersBut(DSLContext tx, String originHost) {
        return tx.selectFrom(RELAY_SUBSCRIBER).where(RELAY_SUBSCRIBER.HOST.notEqualIgnoreCase(originHost))
                .orderBy(RELAY_SUBSCRIBER.ID)
                .fetch(r -> new Subscriber(r.getActor(), r.getHost(), r.getInbox(), Style.valueOf(r.getStyle().toUpperCase(java.util.Locale.ROOT)),
                        r.getFollowIri()));
    }

    public List<Subscriber> subscribers(DSLContext tx) {
        return subscribersBut(tx, "");
    }

    // ------------------------------------------------------------------ relays this node subscribed to

    /** A new or renewed subscription, pending until the relay accepts. */
    public void subscribing(DSLContext tx, String relayInbox, Optional<String> relayActor, String followIri) {
        tx.insertInto(RELAY_SUBSCRIPTION)
                .set(RELAY_SUBSCRIPTION.RELAY_INBOX, relayInbox).set(RELAY_SUBSCRIPTION.RELAY_ACTOR, relayActor.orElse(null))
                .set(RELAY_SUBSCRIPTION.FOLLOW_IRI, followIri).set(RELAY_SUBSCRIPTION.STATE, "pending")
                .onConflict(RELAY_SUBSCRIPTION.RELAY_INBOX).doUpdate()
                .set(RELAY_SUBSCRIPTION.FOLLOW_IRI, followIri).set(RELAY_SUBSCRIPTION.STATE, "pending")
                .execute();
    }

    public Optional<Subscription> subscription(DSLContext tx, String relayInbox) {
        return tx.selectFrom(RELAY_SUBSCRIPTION).where(RELAY_SUBSCRIPTION.RELAY_INBOX.eq(relayInbox))
                .fetchOptional(RelayStore::toSubscription);
    }

    public List<Subscription> subscriptions(DSLContext tx) {
        return tx.selectFrom(RELAY_SUBSCRIPTION).orderBy(RELAY_SUBSCRIPTION.ID)
                .fetch(RelayStore::toSubscription);
    }

    /** The subscription our Follow {@code followIri} asked for. */
    public Optional<Subscription> byFollow(DSLContext tx, String followIri) {
        return tx.selectFrom(RELAY_SUBSCRIPTION).where(RELAY_SUBSCRIPTION.FOLLOW_IRI.eq(followIri))
                .fetchOptional(RelayStore::toSubscription);
    }

    public void accepted(DSLContext tx, String followIri, String relayActor) {
        tx.update(RELAY_SUBSCRIPTION).set(RELAY_SUBSCRIPTION.STATE, "accepted").set(RELAY_SUBSCRIPTION.RELAY_ACTOR, relayActor)
                .where(RELAY_SUBSCRIPTION.FOLLOW_IRI.eq(followIri)).execute();
    }

    public boolean remove(DSLContext tx, String relayInbox) {
        return tx.deleteFrom(RELAY_SUBSCRIPTION).where(RELAY_SUBSCRIPTION.RELAY_INBOX.eq(relayInbox)).execute() > 0;
    }

    public void removeByFollow(DSLContext tx, String followIri) {
        tx.deleteFrom(RELAY_SUBSCRIPTION).where(RELAY_SUBSCRIPTION.FOLLOW_IRI.eq(followIri)).execute();
    }

    /** Whether {@code actor} is a relay that accepted our subscription: what it forwards may be taken (see the inbox). */
    public boolean isAcceptedRelay(DSLContext tx, String actor) {
        return tx.fetchExists(RELAY_SUBSCRIPTION, RELAY_SUBSCRIPTION.RELAY_ACTOR.eq(actor), RELAY_SUBSCRIPTION.STATE.eq("accepted"));
    }

    /** The inboxes of the relays that accepted us: our public activities go there too. */
    public List<String> acceptedRelayInboxes(DSLContext tx) {
        return tx.select(RELAY_SUBSCRIPTION.RELAY_INBOX).from(RELAY_SUBSCRIPTION).where(RELAY_SUBSCRIPTION.STATE.eq("accepted"))
                .fetch(RELAY_SUBSCRIPTION.RELAY_INBOX);
    }

    private static Subscription toSubscription(de.allmende.db.tables.records.RelaySubscriptionRecord r) {
        return new Subscription(r.getRelayInbox(), Optional.ofNullable(r.getRelayActor()), r.getFollowIri(), r.getState().equals("accepted"));
    }
}
