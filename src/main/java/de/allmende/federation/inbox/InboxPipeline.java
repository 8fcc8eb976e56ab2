package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Database;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.http.SignatureSchemes;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.fetch.SignerKeys;
import de.allmende.federation.iri.KeyOwnership;
import de.allmende.federation.json.Json;
import de.allmende.federation.json.StrictJson;
import de.allmende.service.ModerationService;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.PendingVerification;
import de.allmende.federation.signature.Precheck;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.VerificationResult;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.support.ApiException;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox as a pipeline of named stages: backlog → content type → verify → parse → authorise (with what relays
 * forward, see {@link RelayedActivities}) → dedupe and enqueue. Each stage decides its own status; nothing is written before the last one, and the answer
 * (202) does not wait for the activity to be applied — the {@link InboxWorker} does that from the queue.
 */
public final class InboxPipeline implements AutoCloseable {
    private static final Set<String> OBJECT_CARRYING = Set.of("Create", "Update");

    private final Database db;
    private final HttpSignatureVerifier verifier = HttpSignatureVerifier.federation();
    private final ActorResolver resolver;
    private final ModerationService moderation;
    private final Clock clock;
    private final SignatureSchemes schemes;
    private final InboxBatcher batcher;
    private final ObjectProofChecker proofs;
    private final InboxBacklog backlog;
    private final RelayedActivities relayed;

    public InboxPipeline(Database db, ActorResolver resolver, ModerationService moderation, SignatureSchemes schemes, Clock clock,
                         InboxBacklog backlog, RemoteFetcher fetcher) {
        this.backlog = backlog;
        this.schemes = schemes;
        this.db = db;
        this.resolver = resolver;
        this.moderation = moderation;
        this.clock = clock;
        this.batcher = new InboxBatcher(db);
        this.proofs = new ObjectProofChecker(resolver);
        this.relayed = new RelayedActivities(db, fetcher);
    }

    /**
     * An inbox POST past the first stages (backlog, content type, signature, parse): who signed it and what it says.
     * Nothing is kept yet: {@code keep} keeps what verifying learnt of the signer, once the request is accepted.
     */
    public record Verified(URI signer, InboundActivity activity, Runnable keep) {}

    /** The stages every inbox runs first; the relay's inbox (FEP-ae0c) authorises on its own terms after them. */
    public Verified verify(InboxRequest req) {
        backlog.refuseWhileBehind();
        requireActivityJson(req);
        SignerKeys.Checked signed = verifySignature(req);
        return new Verified(signed.signer().orElseThrow(), parse(req.body()), signed.keep());
    }

    /** @return true if enqueued, false if it was a duplicate (both answer 202) */
    public boolean receive(InboxRequest req) {
        Verified verified = verify(req);
        URI signer = verified.signer();
        InboundActivity activity = authorize(verified.activity(), signer);
        // Only an accepted request may leave something of its signer behind (its actor document, its scheme).
        verified.keep().run();
        if (req.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("signature-input"))) {
            // A host that signs with RFC 9421 takes it: our deliveries to it are signed so too.
            schemes.learnt(signer.getRawAuthority(), SignatureSchemes.Scheme.RFC9421);
        }
        boolean fresh = enqueue(activity, signer);
        if (fresh && !activity.actor().equals(signer) && relayed.isAcceptedRelay(signer)) relayed.learnt(activity.actor(), signer);
        return fresh;
    }

    private static void requireActivityJson(InboxRequest req) {
        String ct = "";
        for (var header : req.headers().entrySet()) { // the first Content-Type line; a loop, as it runs for every request
            if (header.getKey().equalsIgnoreCase("content-type") && !header.getValue().isEmpty()) {
                ct = header.getValue().getFirst();
                break;
            }
        }
        if (!ActivityMediaType.accepts(ct)) throw new ApiException(415, "content type must be application/activity+json");
    }

    private SignerKeys.Checked verifySignature(InboxRequest req) {
        SignedRequestParts parts = new SignedRequestParts("POST", req.target(), req.headers(), req.body());
        Precheck pre = verifier.prepare(parts, clock.instant());
        if (!(pre instanceof PendingVerification pending)) {
            VerificationResult r = ((Precheck.Rejected) pre).result();
            throw new ApiException(r.httpStatus(), "signature: " + r.reason());
        }
        URI keyId = KeyOwnership.parse(pending.keyId()).orElseThrow(() -> ApiException.unauthorized("signature: keyId must be a URL"));
        if (moderation.isBlockedDomain(keyId.getRawAuthority())) throw ApiException.forbidden("domain is blocked");
        // The signer is the owner of the key that verified, as established when the key was resolved.
        SignerKeys.Checked checked = resolver.signerKeys().check(pending);
        VerificationResult result = checked.result();
        if (checked.signer().isEmpty()) throw new ApiException(result.httpStatus(), "signature: " + result.reason());
        return checked;
    }

    /**
     * Parse stage (public for tests that apply recorded activities), with the reader the worker uses again
     * ({@link AsToInboundActivity}). An activity without any id is accepted, as Mastodon does (GoToSocial
     * sends Delete without one): it gets a stable id derived from its bytes under the actor's IRI, so
     * redelivery still dedupes and handlers can rely on an id.
     */
    public static InboundActivity parse(byte[] body) {
        JsonNode doc;
        try {
            doc = StrictJson.read(body);
        } catch (StrictJson.Malformed e) {
            throw ApiException.badRequest("body is not JSON: " + e.getMessage());
        }
        if (doc instanceof ObjectNode activity && (activity.path("id").isMissingNode() || activity.path("id").isNull())) {
            syntheticId(activity.get("actor"), body).ifPresent(id -> activity.put("id", id));
        }
        try {
            return AsToInboundActivity.convert(doc);
        } catch (AsToInboundActivity.Malformed e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Origin rules: the signer is the actor (or an FEP-8b32 proof by the actor vouches, or — from a relay we subscribed
     * to — the origin's own copy); ids live on the actor's host. Returns the activity to apply: as it came, or as
     * its origin confirmed it.
     */
    private InboundActivity authorize(InboundActivity inbound, URI signer) {
        URI actor = inbound.actor();
        ObjectNode activity = inbound.raw(); // the rules below look at every entry of an array, not only the first
        if (moderation.isBlockedDomain(actor.getRawAuthority()) || moderation.isBlockedActor(actor.toString())) {
            throw ApiException.forbidden("actor is blocked");
        }
        // A forwarded activity is accepted if it carries an FEP-8b32 proof made with a key of its actor.
        if (!actor.equals(signer) && !proofs.isSignedBy(activity, actor)) {
            if (!relayed.isAcceptedRelay(signer)) throw ApiException.forbidden("signer is not the activity's actor");
            inbound = relayed.confirmedAtOrigin(inbound).orElseThrow(() -> ApiException.forbidden(
                    "relayed activity carries no valid proof of its actor, and its origin does not confirm it"));
            activity = inbound.raw();
        }
        if (!sameHost(inbound.id(), actor)) throw ApiException.forbidden("activity id is not on the actor's host");
        // Any of its types counts: ["Note", "Create"] is a Create to whoever reads the array from the other end.
        if (Json.each(activity.get("type")).stream().anyMatch(t -> t.isTextual() && OBJECT_CARRYING.contains(t.textValue()))) {
            // Embedded or by reference, one or several: each object must live on the actor's host.
            for (JsonNode object : Json.each(activity.get("object"))) authorizeObject(object, actor);
        }
        return inbound;
    }

    private static void authorizeObject(JsonNode object, URI actor) {
        if (!object.isTextual() && !object.isObject()) return; // names no one (a number, true): nothing to forge, the worker refuses it
        if (!sameHost(checkedIri(object, "object id"), actor)) throw ApiException.forbidden("object id is not on the actor's host");
        // Same-host attribution is fine (Mobilizon: a member creates an Event attributed to its group);
        // attribution to an actor on another server would be a forgery — in any entry of an array.
        for (String author : List.of("attributedTo", "actor")) {
            for (JsonNode entry : Json.each(object.get(author))) {
                if ((entry.isTextual() || entry.isObject()) && !sameHost(checkedIri(entry, author), actor)) {
                    throw ApiException.forbidden("object is attributed to an actor on another server");
                }
            }
        }
    }

    /**
     * An IRI the origin rules must compare. One they cannot read is refused, not skipped: a host that
     * java.net.URI does not take for a host (münchen.de, 0x7f.1, a_b.example, 127.0.0.1.) would
     * otherwise pass as "no IRI" — while other software reads it as a real server's.
     */
    private static URI checkedIri(JsonNode value, String what) {
        return Json.uri(value).orElseThrow(() -> ApiException.badRequest(what + " must be an http(s) IRI with a host"));
    }

    private boolean enqueue(InboundActivity activity, URI signer) {
        var committed = batcher.submit(activity.id().toString(), signer.toString(), activity.raw().toString(), signer.getRawAuthority());
        try {
            // await() lets the HTTP verticle take further requests meanwhile, so they join the same commit.
            return io.vertx.core.Future.fromCompletionStage(committed).await();
        } catch (RuntimeException e) {
            throw ApiException.unavailable("could not store the activity, try again", e);
        }
    }

    @Override
    public void close() {
        batcher.close();
    }

    /** {@code <actor>#sha256-<hex of the body>}: on the actor's host, the same for the same bytes. */
    private static Optional<String> syntheticId(JsonNode actor, byte[] body) {
        return Json.uri(actor).map(a -> {
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
                return RemoteFetcher.withoutFragment(a) + "#sha256-" + java.util.HexFormat.of().formatHex(hash);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static boolean sameHost(URI a, URI b) {
        return a.getRawAuthority() != null && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }
}
