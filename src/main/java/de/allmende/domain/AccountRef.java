package de.allmende.domain;

import java.net.URI;

/**
 * An account — a local municipality, the instance actor or a remote actor — by its id in the one account id
 * space (migration V8), with the IRI the network knows it by. Follows and reactions are keyed by the id; the
 * IRI travels along because what leaves the node (collections, Accept, Undo) names accounts by IRI.
 */
public record AccountRef(long id, URI iri) {}
