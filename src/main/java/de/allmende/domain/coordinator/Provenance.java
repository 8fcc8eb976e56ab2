package de.allmende.domain.coordinator;

import de.allmende.domain.ObjectProof;

import java.net.URI;
import java.time.Instant;

/**
 * Where an item a coordinator aggregates came from: its origin node, its object IRI, what the check of its own
 * FEP-8b32 proof found, when it was first and last fetched, and how it first came.
 */
public record Provenance(URI object, String originHost, URI attributedTo, ObjectProof.Status proof, Via via,
                         Instant firstFetched, Instant lastFetched) {

    /** How an item reached this node first. */
    public enum Via {
        /** Read from the municipality's outbox when the coordinator subscribed. */
        BACKFILL,
        /** Delivered to the inbox by normal federation. */
        DELIVERY;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
