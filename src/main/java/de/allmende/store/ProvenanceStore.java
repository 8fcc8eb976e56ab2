package de.allmende.store;

import de.allmende.domain.ObjectProof;
import de.allmende.domain.coordinator.Provenance;
import de.allmende.domain.coordinator.Provenance.Via;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.net.URI;
import java.util.List;

import static de.allmende.db.Tables.AGGREGATED_ITEM;
import static de.allmende.db.Tables.COORDINATOR_SUBSCRIPTION;

/** Provenance rows of aggregated items (see {@link Provenance}). */
public final class ProvenanceStore {

    /**
     * Records that {@code object} by {@code author} was fetched now, if a coordinator of this node subscribes to the
     * author (on an ordinary node this is one index probe of an empty table). The first arrival's way stays; proof
     * and last fetch follow the latest version.
     */
    public void record(DSLContext tx, URI object, URI author, ObjectProof proof, Via via) {
        recordAll(tx, List.of(new Fetched(object, author, proof)), via);
    }

    /** An item fetched now, as {@link #recordAll} takes it. */
    public record Fetched(URI object, URI author, ObjectProof proof) {}

    /**
     * {@link #record} of several items in one statement (the subscriptions' probe in it); of two for one object, the
     * later one's proof stays, as if recorded one after the other.
     */
    public void recordAll(DSLContext tx, List<Fetched> items, Via via) {
        if (items.isEmpty()) return;
        tx.execute("""
                INSERT INTO aggregated_item (object_iri, origin_host, attributed_to, proof_status, proof_key, via)
                SELECT DISTINCT ON (i.object_iri) i.object_iri, i.origin_host, i.attributed_to, i.proof_status, i.proof_key, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                     AS i(object_iri, origin_host, attributed_to, proof_status, proof_key, n)
                WHERE EXISTS (SELECT 1 FROM coordinator_subscription s WHERE s.municipality = i.attributed_to)
                ORDER BY i.object_iri, i.n DESC
                ON CONFLICT (object_iri) DO UPDATE SET proof_status = EXCLUDED.proof_status, proof_key = EXCLUDED.proof_key,
                    last_fetched = now()""", via.dbValue(),
                items.stream().map(i -> i.object().toString()).toArray(String[]::new),
                items.stream().map(i -> i.object().getRawAuthority()).toArray(String[]::new),
                items.stream().map(i -> i.author().toString()).toArray(String[]::new),
                items.stream().map(i -> i.proof().status().dbValue()).toArray(String[]::new),
                items.stream().map(i -> i.proof().key().orElse(null)).toArray(String[]::new));
    }

    /** Whether a coordinator of this node subscribes to {@code author}. */
    public boolean aggregates(DSLContext tx, URI author) {
        return tx.fetchExists(DSL.selectOne().from(COORDINATOR_SUBSCRIPTION).where(COORDINATOR_SUBSCRIPTION.MUNICIPALITY.eq(author.toString())));
    }

    /** The provenance of every item by {@code author}, oldest first. */
    public List<Provenance> byAuthor(DSLContext tx, URI author) {
        return tx.selectFrom(AGGREGATED_ITEM).where(AGGREGATED_ITEM.ATTRIBUTED_TO.eq(author.toString()))
                .orderBy(AGGREGATED_ITEM.FIRST_FETCHED, AGGREGATED_ITEM.OBJECT_IRI)
                .fetch(r -> new Provenance(URI.create(r.getObjectIri()), r.getOriginHost(), URI.create(r.getAttributedTo()),
                        ObjectProof.Status.ofDbValue(r.getProofStatus()), Via.valueOf(r.getVia().toUpperCase(java.util.Locale.ROOT)),
                        r.getFirstFetched().toInstant(), r.getLastFetched().toInstant()));
    }
}
