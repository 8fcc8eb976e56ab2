package de.allmende.federation.delivery;

import de.allmende.crypto.NativeRsaSigner;
import de.allmende.db.Database;
import de.allmende.db.queue.LeaseKeeper;
import de.allmende.db.queue.QueueLoop;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.http.SignatureSchemes;
import java.util.Optional;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends claimed deliveries: signs at send time, POSTs over keep-alive connections, at most
 * {@link HostLanes#PER_HOST} requests per host (one for a slow host, see {@link HostLanes}) and {@link #IN_FLIGHT}
 * in all, then records the outcome through {@link DeliveryOutcomes} (group commit). Rows for a host at its limit
 * are not claimed: they wait in PostgreSQL, not in memory holding a slot. Every send has a total deadline (the
 * client's), so no peer holds a slot for longer.
 * A crash leaves claimed rows leased; they become due again when the lease ends (at-least-once).
 * While the worker lives it renews the leases of all rows it holds, and it sends a row only if its claim still
 * stands.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Requests on the wire at once; each waits on non-blocking I/O, so this costs sockets, not threads. */
    private static final int IN_FLIGHT = 2048;
    /**
     * Of those, how many may be young (sent less than {@link AnswerTimes#young()} ago: a few times as long as
     * peers lately took to answer). A request that is sent but not yet recorded as answered is one a crash
     * sends twice, so few should be in that state at once; a request still waiting when it is no longer young
     * gives its place to the next one, so stalling peers cannot hold these places either.
     */
    private static final int FAST_LANE = 64;
    private final AnswerTimes answerTimes = new AnswerTimes();
    /** A host still silent this long after a send counts as slow (see {@link HostLanes}) until it answers. */
    private static final long SILENT = Duration.ofSeconds(2).toNanos();
    /** Of those, how many slow hosts may hold together. */
    private static final int SLOW_LANE = 128;
    private static final int CLAIM_BATCH = 256;
    public static final String CONTENT_TYPE = "application/activity+json";

    private final Database db;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final ActivityStore activities = new ActivityStore();
    private final ActorStore actors = new ActorStore();
    private final HostStore hosts = new HostStore();
    private final SafeHttpClient http;
    private final RequestSigner signer;
    private final SignatureSchemes schemes;
    private final Iris iris;
    private final ModerationService moderation;
    private final RetryPolicy retry;
    private final Duration lease;
    private final DeliveryOutcomes outcomes;
    private final HostLanes lanes = new HostLanes(SLOW_LANE);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final Semaphore fastLane = new Semaphore(FAST_LANE);
    /** Sends on the wire that still hold a fast-lane place: id → when sent. */
    private final Map<Long, Young> young = new ConcurrentHashMap<>();
    /** Sends no longer young, still waiting for their answer. */
    private final Map<Long, Young> waiting = new ConcurrentHashMap<>();
    /**
     * Signing is the CPU-heavy step. With thousands of sends started at once, answers that have arrived would
     * wait for the CPU behind all the signing still to do — and an answered but unrecorded delivery is one a
     * crash sends twice. A few signers at a time (half the cores: the rest serve HTTP) keep the answers moving.
     * With native RSA (a third of the JDK's cost) one signer on two cores became the queue every send waited in
     * (1,000 inboxes in 1.1–1.8 s; with two signers 0.7–1.5 s on the same loaded machine), so it gets two.
     * (Whether the provider is there, not whether it loads: loading it waits for the first signature.)
     */
    private final Semaphore signing = new Semaphore(NativeRsaSigner.onClassPath()
            ? Math.max(2, Runtime.getRuntime().availableProcessors() / 2) : Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    /** Renews the leases of rows claimed and not yet finished. */
    private final LeaseKeeper leases;
    private volatile boolean running = true;
    /** Recent activity bodies: a fan-out sends the same bytes to many inboxes. */
    private final Map<Long, byte[]> bodies = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 64;
        }
    });
    private QueueLoop loop;

    private record Young(long sentAt, String host) {}

    /** Senders by id: local actors' handles never change. */
    private final Map<Long, de.allmende.domain.LocalActor> senders = new ConcurrentHashMap<>();

    /**
     * @param db a relaxed-commit database (see {@link Database#relaxedCommits()}): losing the last status
     *           updates in a crash only means those rows are sent again, which at-least-once allows
     */
    public DeliveryWorker(Database db, SafeHttpClient http, RequestSigner signer, SignatureSchemes schemes, Iris iris,
                          ModerationService moderation, RetryPolicy retry, Clock clock, Duration lease) {
        this.schemes = schemes;
        this.db = db;
        this.http = http;
        this.signer = signer;
        this.iris = iris;
        this.moderation = moderation;
        this.retry = retry;
        this.lease = lease;
        this.outcomes = new DeliveryOutcomes(db, clock);
        this.leases = new LeaseKeeper("delivery", lease, (ids, l) -> db.dsl().transaction(cfg -> deliveries.renewLeases(cfg.dsl(), ids, l)));
    }

    public DeliveryWorker start() {
        loop = new QueueLoop("delivery", db.dataSource(), "allmende_delivery", this::drain).start();
        leases.start();
        Thread.ofVirtual().name("delivery-ageing").start(this::ageSends);
        return this;
    }

    /**
     * Every 50 ms: sends no longer young leave the fast lane; those still waiting after {@link #SILENT} mark
     * their host slow.
     */
    private void ageSends() {
        while (running) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long youngFor = answerTimes.young();
            young.forEach((id, send) -> {
                if (now - send.sentAt() > youngFor && young.remove(id, send)) {
                    fastLane.release();
                    waiting.put(id, send);
                    loop.wake();
                }
            });
            waiting.forEach((id, send) -> {
                if (now - send.sentAt() > SILENT && waiting.remove(id, send)) lanes.markSlow(send.host());
            });
        }
    }

    private void leaveFastLane(long id) {
        if (young.remove(id) != null) fastLane.release();
        waiting.remove(id);
    }

    private int drain() {
        int free = Math.min(inFlight.availablePermits(), fastLane.availablePermits());
        if (free == 0) return 0;
        long claimedFrom = System.nanoTime(); // no later than the database's now() that starts the leases
        List<Delivery> claimed = db.dsl().transactionResult(cfg ->
                deliveries.claimDue(cfg.dsl(), Math.min(free, CLAIM_BATCH), lease, lanes.busyHosts(), lanes.answeringHosts()));
        // As Mastodon: skip hosts that failed on many days until they show signs of life (one query per batch).
        java.util.Set<String> down = claimed.isEmpty() ? java.util.Set.of()
                : hosts.unavailableAmong(db.dsl(), claimed.stream().map(Delivery::host).distinct().toList());
        List<Delivery> giveBack = new java.util.ArrayList<>();
        int sent = 0;
        for (Delivery d : claimed) {
            var permit = lanes.tryEnter(d.host());
            if (permit.isEmpty() || !inFlight.tryAcquire()) {
                permit.ifPresent(HostLanes.Permit::close);
                giveBack.add(d); // one batch may hold more rows for a host than it may take at once
                continue;
            }
            if (!fastLane.tryAcquire()) {
                permit.get().close();
                inFlight.release();
                giveBack.add(d);
                continue;
            }
            sent++;
            leases.hold(d.id(), d.attempts());
            young.put(d.id(), new Young(System.nanoTime(), d.host()));
            executor.submit(() -> {
                try (var p = permit.get()) {
                    deliver(d, down.contains(d.host()), claimedFrom);
                } catch (RuntimeException e) {
                    LOG.warn("delivery {} to {} failed unexpectedly", d.id(), d.inbox(), e);
                } finally {
                    leaveFastLane(d.id());
                    leases.release(d.id(), d.attempts());
                    inFlight.release();
                    loop.wake(); // a slot is free: rows that waited for it may go
                }
            });
        }
        if (!giveBack.isEmpty()) db.dsl().transaction(cfg -> deliveries.unclaim(cfg.dsl(), giveBack));
        return sent;
    }

    private void deliver(Delivery d, boolean hostDown, long claimedFrom) {
        if (!claimSurelyStands(claimedFrom)
                && !db.dsl().transactionResult(cfg -> deliveries.confirmClaim(cfg.dsl(), d.id(), d.attempts(), lease))) {
            LOG.debug("delivery {} was claimed again meanwhile; not sending it twice", d.id());
            return;
        }
        if (moderation.isBlockedDomain(d.host())) {
            outcomes.record(new DeliveryOutcomes.Failed(d.id(), null, "domain blocked"));
            return;
        }
        if (hostDown) {
            outcomes.record(new DeliveryOutcomes.Failed(d.id(), null, "host unavailable"));
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
            SignatureSchemes.Scheme scheme = schemes.forHost(d.host());
            long sendStart = System.nanoTime();
            SafeHttpClient.Response first = http.post(inbox, body, signed(scheme, sender, senderIri, inbox, body), Limits.DELIVERY);
            // Double-knock: RFC 9421 refused → draft-cavage; draft-cavage refused with Accept-Signature → RFC 9421.
            Optional<SignatureSchemes.Scheme> other = first.status() != 401 ? Optional.empty()
                    : scheme == SignatureSchemes.Scheme.RFC9421 ? Optional.of(SignatureSchemes.Scheme.CAVAGE)
                    : first.headers().containsKey("accept-signature") ? Optional.of(SignatureSchemes.Scheme.RFC9421) : Optional.empty();
            if (other.isPresent()) {
                first = http.post(inbox, body, signed(other.get(), sender, senderIri, inbox, body), Limits.DELIVERY);
                if (first.ok()) schemes.learnt(d.host(), other.get());
            }
            SafeHttpClient.Response r = first;
            answerTimes.record(System.nanoTime() - sendStart);
            status = r.status();
            lanes.markHealthy(d.host()); // it answered, whatever it said
            if (r.ok()) {
                outcomes.record(new DeliveryOutcomes.Delivered(d.id(), r.status(), d.host()));
                return;
            }
            error = "HTTP " + r.status();
            if (RetryPolicy.permanent(r.status())) {
                outcomes.record(new DeliveryOutcomes.Failed(d.id(), status, "HTTP " + status + " (permanent)"));
                return;
            }
        } catch (SafeHttpClient.BlockedDestinationException e) {
            outcomes.record(new DeliveryOutcomes.Failed(d.id(), null, e.getMessage()));
            return;
        } catch (IOException e) {
            lanes.markSlow(d.host()); // timed out, refused or reset: one request at a time from now on
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (retry.exhausted(d.attempts())) outcomes.record(new DeliveryOutcomes.Failed(d.id(), status, error + " (gave up)"));
        else outcomes.record(new DeliveryOutcomes.RetryLater(d.id(), retry.delayAfter(d.attempts()), status, error, d.host()));
    }

    /**
     * True while at least half of the claim's lease is left: until the lease ends nobody else can claim the row,
     * so the confirming statement (a transaction per send) is needed only for rows that waited longer — the
     * case it was made for (a stalled process whose lease ran out meanwhile). A fresh claim keeps half a lease
     * for its send, and the lease keeper extends it from there.
     */
    private boolean claimSurelyStands(long claimedFrom) {
        return System.nanoTime() - claimedFrom < lease.toNanos() / 2;
    }

    private Map<String, String> signed(SignatureSchemes.Scheme scheme, de.allmende.domain.LocalActor sender, URI senderIri,
                                       URI inbox, byte[] body) {
        signing.acquireUninterruptibly();
        try {
            Map<String, String> headers = new HashMap<>(scheme == SignatureSchemes.Scheme.RFC9421
                    ? signer.signPostRfc9421(sender.id(), senderIri, inbox, body, CONTENT_TYPE)
                    : signer.signPost(sender.id(), senderIri, inbox, body, CONTENT_TYPE));
            headers.put("Content-Type", CONTENT_TYPE);
            return headers;
        } finally {
            signing.release();
        }
    }

    @Override
    public void close() {
        running = false;
        leases.close();
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.close(); // after the sends: their outcomes are written before the node stops
    }
}
