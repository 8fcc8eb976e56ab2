package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.coordinator.Subscription;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Municipalities;
import de.allmende.store.CoordinatorStore;
import de.allmende.store.DiscoveryStore;
import de.allmende.support.ApiException;

import org.jooq.DSLContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A coordinator subscribes to municipalities (issue 11): it follows each with a normal Follow, and the backfill of
 * the municipality's outbox is queued (worked by the backfill worker, resumable). What the municipality publishes
 * afterwards arrives by normal federation.
 */
public final class CoordinatorService {
    /** Subscriptions made at once to the municipalities of one node: quicker than one by one, and polite to the node. */
    static final int AT_ONCE_PER_NODE = 4;

    private final Database db;
    private final LocalIris iris;
    private final Municipalities municipalities;
    private final FollowService follows;
    private final CoordinatorStore store = new CoordinatorStore();
    private final DiscoveryStore discovery = new DiscoveryStore();

    public CoordinatorService(Database db, LocalIris iris, Municipalities municipalities, FollowService follows) {
        this.db = db;
        this.iris = iris;
        this.municipalities = municipalities;
        this.follows = follows;
    }

    /** Subscribes to the municipality {@code @name@host}; returns its actor IRI. */
    public URI subscribeByHandle(LocalActor coordinator, String handle) {
        URI municipality = municipalities.byHandle(handle);
        subscribe(coordinator, municipality);
        return municipality;
    }

    /**
     * Subscribes to every municipality the node at {@code node} hosts, {@value #AT_ONCE_PER_NODE} at once (each
     * subscription is a few requests to that node: WebFinger, actor, followers, the Follow); returns their actor IRIs
     * in the order the node lists them. If one fails, the others are still made, and the first failure is thrown.
     */
    public List<URI> subscribeByNode(LocalActor coordinator, URI node) {
        List<URI> found = municipalities.ofNode(node);
        if (found.isEmpty()) throw ApiException.unprocessable(node + " lists no municipalities in its NodeInfo");
        Semaphore atOnce = new Semaphore(AT_ONCE_PER_NODE);
        List<Future<URI>> made = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI m : found) {
                made.add(threads.submit(() -> {
                    atOnce.acquire();
                    try {
                        subscribe(coordinator, m);
                        return m;
                    } finally {
                        atOnce.release();
                    }
                }));
            }
        }
        List<URI> subscribed = new ArrayList<>();
        for (var f : made) {
            if (f.state() == Future.State.FAILED) {
                if (f.exceptionNow() instanceof RuntimeException e) throw e; // an ApiException keeps its status
                throw new IllegalStateException(f.exceptionNow());
            }
            subscribed.add(f.resultNow());
        }
        return subscribed;
    }

    private void subscribe(LocalActor coordinator, URI municipality) {
        URI outbox = outboxOf(coordinator, municipality);
        // Subscribing again repeats the Follow (one may have been lost); the backfill is queued once.
        follows.follow(coordinator, municipality);
        db.dsl().transaction(cfg -> record(cfg.dsl(), coordinator, municipality, outbox));
    }

    /**
     * Subscribes to those of {@code found} (municipalities an automatic coordinator learnt of) it does not subscribe
     * to yet; returns them. Nothing is followed twice: the subscription row comes first, so of two processes that
     * discovered one municipality at once, only the one that wrote the row follows it.
     */
    public List<URI> subscribeNew(LocalActor coordinator, List<URI> found) {
        List<URI> subscribed = new ArrayList<>();
        for (URI m : found) {
            if (store.isSubscribed(db.dsl(), coordinator.id(), m)) continue;
            URI outbox = outboxOf(coordinator, m);
            if (!db.dsl().transactionResult(cfg -> record(cfg.dsl(), coordinator, m, outbox))) continue;
            try {
                follows.follow(coordinator, m);
            } catch (RuntimeException e) { // not subscribed after all: the candidate's retry tries again
                db.dsl().transaction(cfg -> store.unsubscribe(cfg.dsl(), coordinator.id(), m));
                throw e;
            }
            subscribed.add(m);
        }
        return subscribed;
    }

    private URI outboxOf(LocalActor coordinator, URI municipality) {
        if (iris.isLocal(municipality)) throw ApiException.unprocessable("a coordinator aggregates other nodes; " + municipality + " is on this one");
        return municipalities.outboxOf(municipality, coordinator.id(), iris.actor(coordinator.handle()));
    }

    /** The subscription and its backfill; an automatic coordinator reads the municipality's follow graph too (once). */
    private boolean record(DSLContext tx, LocalActor coordinator, URI municipality, URI outbox) {
        boolean added = store.subscribe(tx, coordinator.id(), municipality, outbox);
        discovery.learn(tx, coordinator.id(), DiscoveryStore.Kind.GRAPH, municipality, "subscribed");
        return added;
    }

    /**
     * Turns automatic subscription on (it reads the follow graphs of the municipalities it subscribes to already, anew
     * if it read them before, and takes what relays bring) or off (what it learnt and did not look at yet is forgotten).
     */
    public void automatic(LocalActor coordinator, boolean on) {
        db.dsl().transaction(cfg -> {
            discovery.setAuto(cfg.dsl(), coordinator.id(), on);
            if (!on) return;
            for (Subscription s : store.subscriptions(cfg.dsl(), coordinator.id())) {
                discovery.reread(cfg.dsl(), coordinator.id(), s.municipality(), "auto on");
            }
        });
    }

    public boolean isAutomatic(LocalActor coordinator) {
        return discovery.isAuto(db.dsl(), coordinator.id());
    }

    /** What an automatic coordinator learnt of, oldest first. */
    public List<DiscoveryStore.Learnt> learnt(LocalActor coordinator) {
        return discovery.learnt(db.dsl(), coordinator.id());
    }

    /** Unfollows the municipality and stops aggregating it; what was aggregated stays. */
    public void unsubscribe(LocalActor coordinator, URI municipality) {
        boolean was = db.dsl().transactionResult(cfg -> store.unsubscribe(cfg.dsl(), coordinator.id(), municipality));
        if (!was) throw ApiException.notFound("not subscribed to " + municipality);
        follows.unfollow(coordinator, municipality);
    }

    public List<Subscription> subscriptions(LocalActor coordinator) {
        return store.subscriptions(db.dsl(), coordinator.id());
    }
}
