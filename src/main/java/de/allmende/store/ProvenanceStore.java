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
        if (!aggregates(tx, author)) return;
        tx.insertInto(AGGREGATED_ITEM)
                .set(AGGREGATED_ITEM.OBJECT_IRI, object.toString())
                .set(AGGREGATED_ITEM.ORIGIN_HOST, object.getRawAuthority())
                .set(AGGREGATED_ITEM.ATTRIBUTED_TO, author.toString())
                .set(AGGREGATED_ITEM.PROOF_STATUS, proof.status().dbValue())
                .set(AGGREGATED_ITEM.PROOF_KEY, proof.key().orElse(null))
                .set(AGGREGATED_ITEM.VIA, via.dbValue())
                .onConflict(AGGREGATED_ITEM.OBJECT_IRI).doUpdate()
                .set(AGGREGATED_ITEM.PROOF_STATUS, proof.status().dbValue())
                .set(AGGREGATED_ITEM.PROOF_KEY, proof.key().orElse(null))
                .set(AGGREGATED_ITEM.LAST_FETCHED, DSL.currentOffsetDateTime())
                .execute();
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
