package de.allmende.federation.relay;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.outbox.RelayOutbox;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.store.ActivityStore;
import de.allmende.store.DeliveryStore;
import de.allmende.store.RelayStore;
import de.allmende.store.RelayStore.Style;
import de.allmende.store.RelayStore.Subscriber;
import de.allmende.support.ApiException;
import org.jooq.exception.DataAccessException;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Forwarding of a subscriber's public activity to every other subscriber (FEP-ae0c). Mastodon-style subscribers get
 * it byte for byte as it came, so that its FEP-8b32 proof (and any LD signature) still verifies, signed over HTTP by
 * the relay; LitePub-style subscribers get an Announce of the new object by the relay, as Pleroma's relay sends (and
 * Update, Delete and Move as they came). Everything goes through the durable delivery queue. Not forwarded: what a
 * host that has not subscribed sends, an activity whose actor is neither the signer nor vouched for by its proof,
 * and anything not addressed to the public. The same activity is forwarded once.
 */
final class Forwarding {
    /** What LitePub-style subscribers get as the relay's Announce of the object. */
    private static final Set<String> ANNOUNCED = Set.of("Create", "Announce");

    private final Database db;
    private final ObjectProofChecker proofs;
    private final RelayOutbox outbox;
    private final RelayStore relays = new RelayStore();
    private final ActivityStore activities = new ActivityStore();
    private final DeliveryStore deliveries = new DeliveryStore();

    Forwarding(Database db, ActorResolver resolver, RelayOutbox outbox) {
        this.db = db;
        this.proofs = new ObjectProofChecker(resolver);
        this.outbox = outbox;
    }

    RelayInbox.Outcome forward(LocalActor relay, InboundActivity activity, URI signer, byte[] body) {
        String origin = signer.getRawAuthority();
        if (!relays.isSubscribedHost(db.dsl(), origin)) throw ApiException.forbidden("only the relay's subscribers may send it activities");
        URI actor = activity.actor();
        if (!actor.equals(signer) && !(sameHost(actor, signer) || proofs.isSignedBy(activity.raw(), actor))) {
            throw ApiException.forbidden("signer is not the activity's actor, nor on its server");
        }
        if (!sameHost(activity.id(), actor)) throw ApiException.forbidden("activity id is not on the actor's host");
        if (!activity.isPublic()) return RelayInbox.Outcome.NOT_PUBLIC; // never forwarded, nothing kept
        String verbatim = utf8(body);
        String objectIri = activity.object().iri().map(URI::toString).orElse(null);
        try {
            return db.dsl().transactionResult(cfg -> {
                var stored = activities.insertRelayed(cfg.dsl(), relayedIri(relay, activity.id()), activity.type(), actor.toString(),
                        objectIri, relay.id(), verbatim);
                if (stored.isEmpty()) return RelayInbox.Outcome.DUPLICATE;
                List<Subscriber> others = relays.subscribersBut(cfg.dsl(), origin);
                boolean announced = ANNOUNCED.contains(activity.type()) && objectIri != null;
                deliveries.enqueue(cfg.dsl(), stored.get(), relay.id(), others.stream()
                        .filter(s -> s.style() == Style.MASTODON || !announced).map(Subscriber::inbox).distinct().toList());
                List<String> litePub = others.stream().filter(s -> s.style() == Style.LITEPUB).map(Subscriber::inbox).distinct().toList();
                if (announced && !litePub.isEmpty()) outbox.announce(cfg.dsl(), relay, URI.create(objectIri), litePub);
                return RelayInbox.Outcome.FORWARDED;
            });
        } catch (DataAccessException e) {
            // A document PostgreSQL cannot keep (class 22: a \u0000 in a string, say) is the sender's fault.
            if (String.valueOf(e.sqlState()).startsWith("22")) throw ApiException.badRequest("activity cannot be stored: " + e.getMessage());
            throw e;
        }
    }

    /** The body as text, exactly: forwarded bodies must be UTF-8 (as ActivityPub's JSON is) to go out unchanged. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("a relayed activity must be UTF-8");
        }
    }

    /** The row of a forward: keyed by the relay and the activity's id, so the same activity is forwarded once. */
    private static String relayedIri(LocalActor relay, URI activity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(activity.toString().getBytes(StandardCharsets.UTF_8));
            return "urn:allmende:relay:" + relay.id() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getRawAuthority() != null && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }
}
