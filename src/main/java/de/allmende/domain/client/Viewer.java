package de.allmende.domain.client;

import java.net.URI;

/**
 * Who reads through the client API: the local account a person acts as, and its actor IRI (posts addressed to
 * it by IRI — direct messages, followers-only mentions — are visible to it).
 */
public record Viewer(long accountId, URI iri) {}
