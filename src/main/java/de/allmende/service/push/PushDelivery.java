package de.allmende.service.push;

import de.allmende.db.Database;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.NotificationCreated;
import de.allmende.domain.push.PushPolicy;
import de.allmende.service.port.PushGateway;
import de.allmende.store.FollowStore;
import de.allmende.store.NotificationStore;
import de.allmende.store.push.PushSubscriptionStore;
import de.allmende.store.push.PushSubscriptionStore.Target;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Web Push consumer of {@link NotificationCreated}: each subscription of the notified account whose alerts and
 * policy want the notification gets it once. A push service that is gone (404, 410) loses its subscription; one that
 * is overloaded or unreachable (429, 5xx) makes the job run again, and then only the subscriptions not yet served
 * are sent to.
 */
public final class PushDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    /** Longer than the event queue retries a job (its backoff ends after some hours). */
    private static final Duration KEEP_SENT = Duration.ofDays(2);

    private final Database db;
    private final PushSubscriptions subscriptions;
    private final PushGateway gateway;
    private final Clock clock;
    private final PushSubscriptionStore store = new PushSubscriptionStore();
    private final NotificationStore notifications = new NotificationStore();
    private final FollowStore follows = new FollowStore();
    private volatile PushPayloads payloads;

    public PushDelivery(Database db, PushSubscriptions subscriptions, PushGateway gateway, Clock clock) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** How payloads are written (the client API plugs its JSON in here, as for streaming). */
    public void renderWith(PushPayloads payloads) {
        this.payloads = payloads;
    }

    /** Applies one event (the worker's handler). */
    public void apply(DomainEvent event) throws IOException {
        if (!(event instanceof NotificationCreated n)) return;
        DSLContext dsl = db.dsl();
        List<Target> wanting = store.deliverable(dsl, n.accountId()).stream().filter(t -> t.settings().wants(n.type())).toList();
        if (wanting.isEmpty()) return;
        Optional<Long> from = notifications.find(dsl, n.accountId(), n.notificationId()).map(NotificationStore.Stored::fromAccountId);
        if (from.isEmpty()) return; // taken back or dismissed before its push
        IOException later = null;
        for (Target target : wanting) {
            if (!allows(dsl, target.settings().policy(), from.get(), n.accountId()) || store.wasSent(dsl, target.id(), n.notificationId())) continue;
            Optional<byte[]> payload = renderer().payload(n, subscriptions.accessToken(target));
            if (payload.isEmpty()) return;
            try {
                later = sent(target, n, payload.get()).orElse(later);
            } catch (IOException e) {
                later = e;
            }
        }
        store.pruneSent(dsl, clock.instant().minus(KEEP_SENT));
        if (later != null) throw later;
    }

    /** Sends to one subscription; what should make the job run again, if anything. */
    private Optional<IOException> sent(Target target, NotificationCreated n, byte[] payload) throws IOException {
        PushGateway.Answer answer = gateway.send(new PushGateway.Message(target.endpoint(), target.p256dh(), target.auth(), payload));
        switch (answer) {
            case ACCEPTED -> store.markSent(db.dsl(), target.id(), n.notificationId());
            case GONE -> {
                LOG.info("push subscription {} at {} is gone; removed", target.id(), target.endpoint().getHost());
                store.delete(db.dsl(), target.id());
            }
            case REFUSED -> {
                LOG.info("push service at {} refused notification {} for subscription {}", target.endpoint().getHost(),
                        n.notificationId(), target.id());
                store.markSent(db.dsl(), target.id(), n.notificationId());
            }
            case TRY_LATER -> {
                return Optional.of(new IOException("push service at " + target.endpoint().getHost() + " asks to try later"));
            }
        }
        return Optional.empty();
    }

    /** Mastodon's policies: from anyone, from accounts the recipient follows, from its followers, from nobody. */
    private boolean allows(DSLContext dsl, PushPolicy policy, long from, long to) {
        return switch (policy) {
            case ALL -> true;
            case NONE -> false;
            case FOLLOWED -> follows(dsl, to, from);
            case FOLLOWER -> follows(dsl, from, to);
        };
    }

    private boolean follows(DSLContext dsl, long follower, long followee) {
        return follows.find(dsl, follower, followee).filter(f -> f.state() == FollowStore.State.ACCEPTED).isPresent();
    }

    private PushPayloads renderer() throws IOException {
        PushPayloads p = payloads;
        if (p == null) throw new IOException("no push payload renderer yet (the client API is not set up in this process)");
        return p;
    }
}
