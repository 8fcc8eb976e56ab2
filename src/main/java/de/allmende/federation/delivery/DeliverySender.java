package de.allmende.federation.delivery;

import de.allmende.crypto.NativeRsaSigner;
import de.allmende.db.Database;
import de.allmende.db.queue.Outcome;
import de.allmende.domain.LocalActor;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.http.SignatureSchemes;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.store.ActivityStore;
import de.allmende.store.ActorStore;
import de.allmende.store.DeliveryStore.Delivery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Sends one claimed delivery: signs at send time and POSTs over a keep-alive connection (the client's total
 * deadline bounds how long a peer holds the slot), then says how it went. 2xx is done; the 4xx that never
 * succeed fail for good; everything else (5xx, 401, 408, 429, I/O) is retried on the {@link RetryPolicy}.
 */
final class DeliverySender {
    public static final String CONTENT_TYPE = "application/activity+json";

    private final Database db;
    private final ActivityStore activities = new ActivityStore();
    private final ActorStore actors = new ActorStore();
    private final SafeHttpClient http;
    private final RequestSigner signer;
    private final SignatureSchemes schemes;
    private final Iris iris;
    private final ModerationService moderation;
    private final DeliveryLanes lanes;
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
    /** Recent activity bodies: a fan-out sends the same bytes to many inboxes. */
    private final Map<Long, byte[]> bodies = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 64;
        }
    });
    /** Senders by id: local actors' handles never change. */
    private final Map<Long, LocalActor> senders = new ConcurrentHashMap<>();

    DeliverySender(Database db, SafeHttpClient http, RequestSigner signer, SignatureSchemes schemes, Iris iris,
                   ModerationService moderation, DeliveryLanes lanes) {
        this.db = db;
        this.http = http;
        this.signer = signer;
        this.schemes = schemes;
        this.iris = iris;
        this.moderation = moderation;
        this.lanes = lanes;
    }

    Outcome send(Delivery d) {
        if (moderation.isBlockedDomain(d.host())) return Outcome.failed("domain blocked");
        // As Mastodon: skip hosts that failed on many days until they show signs of life.
        if (d.hostDown()) return Outcome.failed("host unavailable");
        // A relayed activity goes out byte for byte as it came (its proofs must verify); ours as stored.
        byte[] body = bodies.computeIfAbsent(d.activityId(), id -> activities.verbatim(db.dsl(), id)
                .orElseGet(() -> activities.findById(db.dsl(), id).orElseThrow().raw().toString()).getBytes(StandardCharsets.UTF_8));
        LocalActor sender = senders.computeIfAbsent(d.senderActorId(), id -> actors.findById(db.dsl(), id).orElseThrow());
        URI senderIri = iris.actorOf(sender);
        URI inbox = URI.create(d.inbox());
        try {
            SignatureSchemes.Scheme scheme = schemes.forHost(d.host());
            long sendStart = System.nanoTime();
            SafeHttpClient.Response r = http.post(inbox, body, signed(scheme, sender, senderIri, inbox, body), Limits.DELIVERY);
            // Double-knock: RFC 9421 refused → draft-cavage; draft-cavage refused with Accept-Signature → RFC 9421.
            Optional<SignatureSchemes.Scheme> other = r.status() != 401 ? Optional.empty()
                    : scheme == SignatureSchemes.Scheme.RFC9421 ? Optional.of(SignatureSchemes.Scheme.CAVAGE)
                    : r.headers().containsKey("accept-signature") ? Optional.of(SignatureSchemes.Scheme.RFC9421) : Optional.empty();
            if (other.isPresent()) {
                r = http.post(inbox, body, signed(other.get(), sender, senderIri, inbox, body), Limits.DELIVERY);
                if (r.ok()) schemes.learnt(d.host(), other.get());
            }
            lanes.answered(d.host(), System.nanoTime() - sendStart); // whatever it said
            if (r.ok()) return new Outcome.Done(r.status());
            if (RetryPolicy.permanent(r.status())) return new Outcome.Failed("HTTP " + r.status() + " (permanent)", r.status());
            return new Outcome.Retry("HTTP " + r.status(), r.status());
        } catch (SafeHttpClient.BlockedDestinationException e) {
            return Outcome.failed(e.getMessage());
        } catch (IOException e) {
            lanes.unreachable(d.host());
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Map<String, String> signed(SignatureSchemes.Scheme scheme, LocalActor sender, URI senderIri, URI inbox, byte[] body) {
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
}
