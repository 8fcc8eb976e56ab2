package de.allmende.federation.inbox.handlers;

import de.allmende.domain.ObjectProof;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.federation.vocab.ObjectRef;

import java.io.IOException;
import java.net.URI;

/** The object a Create or Update carries: as embedded, or fetched from its origin; and the proof it carries itself. */
final class CarriedObjects {
    private final RemoteFetcher fetcher;
    private final ObjectProofChecker proofs;

    CarriedObjects(RemoteFetcher fetcher, ObjectProofChecker proofs) {
        this.fetcher = fetcher;
        this.proofs = proofs;
    }

    /**
     * @throws IOException if it had to be fetched and could not be (retried later)
     * @throws IllegalArgumentException if there is no object, or none with an id
     */
    AsObject embeddedOrFetched(ObjectRef carried) throws IOException {
        if (carried.embedded().isPresent()) return withId(carried.embedded().get());
        URI id = carried.iri().orElseThrow(() -> new IllegalArgumentException("activity without object"));
        return withId(AsToInboundActivity.object(fetcher.fetch(id)).orElseThrow(CarriedObjects::withoutId));
    }

    /**
     * The object's own proof, by its owner (attributedTo, else the activity's actor). A bad proof does not
     * stop an activity whose HTTP signature vouches for it: it is recorded as invalid.
     */
    ObjectProof proofOf(AsObject object, InboundActivity carrier) {
        // An embedded object may have been signed in the activity's context; a fetched one came with its own.
        var enclosingContext = carrier.object().embedded().isPresent() ? carrier.context().orElse(null) : null;
        return proofs.check(object.json(), ObjectProofChecker.ownerOf(object.json(), carrier.actor()), enclosingContext);
    }

    private static AsObject withId(AsObject object) {
        if (object.id().isEmpty()) throw withoutId();
        return object;
    }

    private static IllegalArgumentException withoutId() {
        return new IllegalArgumentException("object without id");
    }
}
