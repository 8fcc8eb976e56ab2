package de.allmende.federation.delivery;

import de.allmende.db.Database;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.moderation.Moderation;
import de.allmende.store.ActivityStore;
import de.allmende.store.ActorStore;
import de.allmende.store.DeliveryStore;
import de.allmende.store.DeliveryStore.Delivery;
import de.allmende.store.HostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends claimed deliveries: signs at send time, POSTs over keep-alive connections, at most
 * {@link #PER_HOST} requests per host and {@link #IN_FLIGHT} in all, then records the outcome.
 * A crash leaves claimed rows leased; they become due again when the lease ends (at-least-once).
 * While the worker lives it renews the leases of all rows it holds, because a row may wait behind a
 * slow host for longer than the lease; and it sends a row only if its claim still stands.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int PER_HOST = 8;
    private static final int IN_FLIGHT = 256;
    public static final String CONTENT_TYPE = "application/activity+json";

    private final Database db;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final ActivityStore activities = new ActivityStore();
    private final ActorStore actors = new ActorStore();
    private final HostStore hosts = new HostStore();
    private final SafeHttpClient http;
    private final RequestSigner signer;
    private final Iris iris;
    private final Moderation moderation;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    /** Rows claimed and not yet finished, by id, with the attempt count of our claim. */
    private final Map<Long, Integer> held = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread leaseKeeper;
    /** Recent activity bodies: a fan-out sends the same bytes to many inboxes. */
    private final Map<Long, byte[]> bodies = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 64;
        }
    });
    private QueueLoop loop;

    /** Senders by id: local actors' handles never change. */
    private final Map<Long, de.allmende.domain.LocalActor> senders = new ConcurrentHashMap<>();

    /**
     * @param db a relaxed-commit database (see {@link Database#relaxedCommits()}): losing the last status
     *           updates in a crash only means those rows are sent again, which at-least-once allows
     */
    public DeliveryWorker(Database db, SafeHttpClient http, RequestSigner signer, Iris iris, Moderation moderation,
                          RetryPolicy retry, Clock clock, Duration lease) {
        this.db = db;
        this.http = http;
        this.signer = signer;
        this.iris = iris;
        this.moderation = moderation;
        this.retry = retry;
        this.clock = clock;
        this.lease = lease;
    }

    public DeliveryWorker start() {
        loop = new QueueLoop("delivery", db.dataSource(), "allmende_delivery", this::drain).start();
        leaseKeeper = Thread.ofVirtual().name("delivery-leases").start(this::keepLeases);
        return this;
    }

    private void keepLeases() {
        while (running) {
            try {
                Thread.sleep(lease.dividedBy(3));
                if (!held.isEmpty()) db.dsl().transaction(cfg -> deliveries.renewLeases(cfg.dsl(), List.copyOf(held.keySet()), lease));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) LOG.warn("renewing delivery leases failed: {}", e.toString());
            }
        }
    }

    private int drain() {
        int free = inFlight.availablePermits();
        if (free == 0) return 0;
        List<Delivery> claimed = db.dsl().transactionResult(cfg -> deliveries.claimDue(cfg.dsl(), Math.min(free, 128), lease));
        for (Delivery d : claimed) {
            held.put(d.id(), d.attempts());
            inFlight.acquireUninterruptibly();
            executor.submit(() -> {
                Semaphore host = perHost.computeIfAbsent(d.host(), h -> new Semaphore(PER_HOST));
                host.acquireUninterruptibly();
                try {
                    deliver(d);
                } catch (RuntimeException e) {
                    LOG.warn("delivery {} to {} failed unexpectedly", d.id(), d.inbox(), e);
                } finally {
                    held.remove(d.id(), d.attempts());
                    host.release();
                    inFlight.release();
                }
            });
        }
        return claimed.size();
    }

    private void deliver(Delivery d) {
        if (!db.dsl().transactionResult(cfg -> deliveries.confirmClaim(cfg.dsl(), d.id(), d.attempts(), lease))) {
            LOG.debug("delivery {} was claimed again meanwhile; not sending it twice", d.id());
            return;
        }
        if (moderation.isBlockedDomain(d.host())) {
            db.dsl().transaction(cfg -> deliveries.markFailed(cfg.dsl(), d.id(), null, "domain blocked"));
            return;
        }
        if (hosts.isUnavailable(db.dsl(), d.host())) { // as Mastodon: skip until the host shows signs of life
            db.dsl().transaction(cfg -> deliveries.markFailed(cfg.dsl(), d.id(), null, "host unavailable"));
            return;
        }
        byte[] body = bodies.computeIfAbsent(d.activityId(), id -> activities.findById(db.dsl(), id).orElseThrow()
                .raw().toString().getBytes(StandardCharsets.UTF_8));
        var sender = senders.computeIfAbsent(d.senderActorId(), id -> actors.findById(db.dsl(), id).orElseThrow());
        URI senderIri = sender.isInstance() ? iris.instanceActor() : iris.actor(sender.handle());
        URI inbox = URI.create(d.inbox());
        Integer status = null;
        String error;
        try {
            Map<String, String> headers = new HashMap<>(signer.signPost(sender.id(), senderIri, inbox, body, CONTENT_TYPE));
            headers.put("Content-Type", CONTENT_TYPE);
            SafeHttpClient.Response first = http.post(inbox, body, headers, Limits.DELIVERY);
            // A peer that rejects draft-cavage and names RFC 9421 in Accept-Signature gets one RFC 9421 retry.
            if (first.status() == 401 && first.headers().containsKey("accept-signature")) {
                Map<String, String> rfc = new HashMap<>(signer.signPostRfc9421(sender.id(), senderIri, inbox, body, CONTENT_TYPE));
                rfc.put("Content-Type", CONTENT_TYPE);
                first = http.post(inbox, body, rfc, Limits.DELIVERY);
            }
            SafeHttpClient.Response r = first;
            status = r.status();
            if (r.ok()) {
                db.dsl().transaction(cfg -> {
                    deliveries.markDelivered(cfg.dsl(), d.id(), r.status());
                    hosts.recordSuccess(cfg.dsl(), d.host()); // a no-op unless the host had failures
                });
                return;
            }
            error = "HTTP " + r.status();
            if (RetryPolicy.permanent(r.status())) {
                Integer s = status;
                db.dsl().transaction(cfg -> deliveries.markFailed(cfg.dsl(), d.id(), s, "HTTP " + s + " (permanent)"));
                return;
            }
        } catch (SafeHttpClient.BlockedDestinationException e) {
            db.dsl().transaction(cfg -> deliveries.markFailed(cfg.dsl(), d.id(), null, e.getMessage()));
            return;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Integer s = status;
        String err = error;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        db.dsl().transaction(cfg -> {
            if (retry.exhausted(d.attempts())) deliveries.markFailed(cfg.dsl(), d.id(), s, err + " (gave up)");
            else deliveries.retryLater(cfg.dsl(), d.id(), retry.delayAfter(d.attempts()), s, err);
            hosts.recordFailure(cfg.dsl(), d.host(), today);
        });
    }

    @Override
    public void close() {
        running = false;
        if (leaseKeeper != null) leaseKeeper.interrupt();
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
