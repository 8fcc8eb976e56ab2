package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Database;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.json.Json;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.store.DiscoveryStore;
import de.allmende.store.RelayStore;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * What a relay we subscribed to (FEP-ae0c) forwards: signed by the relay, not by the activity's actor. Unless the
 * activity's own FEP-8b32 proof vouches for it (checked before this), the relay's copy is not trusted: the origin is
 * asked. A Create or Update is taken with the object as its origin serves it; a Delete when the origin no longer
 * serves the object; an Announce when the origin serves the same Announce. Anything else is refused. Nothing is
 * written here: a refused request leaves no row.
 */
final class RelayedActivities {
    private final Database db;
    private final RemoteFetcher fetcher;
    private final RelayStore relays = new RelayStore();
    private final DiscoveryStore discovery = new DiscoveryStore();

    RelayedActivities(Database db, RemoteFetcher fetcher) {
        this.db = db;
        this.fetcher = fetcher;
    }

    boolean isAcceptedRelay(URI signer) {
        return relays.isAcceptedRelay(db.dsl(), signer.toString());
    }

    /**
     * The relay {@code signer} brought a public activity of {@code actor}: automatic coordinators here learn of it
     * (issue 11, point 1; once each; on a node without them this writes nothing).
     */
    void learnt(URI actor, URI signer) {
        db.dsl().transaction(cfg -> discovery.learnForAll(cfg.dsl(), DiscoveryStore.Kind.ACTOR, actor, "relay " + signer));
    }

    /** The activity as its origin confirms it, or empty if it does not (or cannot be asked). */
    Optional<InboundActivity> confirmedAtOrigin(InboundActivity relayed) {
        try {
            Optional<ObjectNode> confirmed = switch (relayed.type()) {
                case "Create", "Update" -> withOriginObject(relayed);
                case "Delete" -> goneAtOrigin(relayed) ? Optional.of(relayed.raw()) : Optional.empty();
                case "Announce" -> sameAtOrigin(relayed);
                default -> Optional.empty();
            };
            return confirmed.map(AsToInboundActivity::convert);
        } catch (IOException | RuntimeException e) { // unreachable, or what it serves is no such activity
            return Optional.empty();
        }
    }

    private Optional<ObjectNode> withOriginObject(InboundActivity relayed) throws IOException {
        Optional<URI> object = relayed.object().iri();
        if (object.isEmpty() || !InboxPipeline.sameHost(object.get(), relayed.actor())) return Optional.empty();
        JsonNode original = fetcher.fetch(object.get());
        ObjectNode confirmed = relayed.raw().deepCopy();
        confirmed.set("object", original);
        return Optional.of(confirmed);
    }

    private boolean goneAtOrigin(InboundActivity relayed) throws IOException {
        Optional<URI> object = relayed.object().iri();
        if (object.isEmpty() || !InboxPipeline.sameHost(object.get(), relayed.actor())) return false;
        try {
            return Json.each(fetcher.fetch(object.get()).get("type")).stream().anyMatch(t -> t.asText().equals("Tombstone"));
        } catch (RemoteFetcher.NotServed e) {
            return e.gone();
        }
    }

    private Optional<ObjectNode> sameAtOrigin(InboundActivity relayed) throws IOException {
        JsonNode original = fetcher.fetch(relayed.id());
        boolean same = original instanceof ObjectNode
                && Json.uri(original.get("actor")).equals(Optional.of(relayed.actor()))
                && Json.uri(original.get("object")).equals(relayed.object().iri())
                && Json.each(original.get("type")).stream().anyMatch(t -> t.asText().equals("Announce"));
        return same ? Optional.of((ObjectNode) original) : Optional.empty();
    }
}
