package de.allmende.domain.post;

import java.net.URI;
import java.time.Instant;

/**
 * A boost (an Announce) as a post of its own, as Mastodon keeps a reblog: a status naming the boosted one.
 *
 * @param iri       the Announce's id
 * @param booster   the booster's actor IRI
 * @param boosted   the boosted post's IRI
 * @param audience  to/cc of the Announce; {@code visibility} is derived from it where it entered
 */
public record Boost(URI iri, URI booster, URI boosted, Audience audience, Visibility visibility, Instant published, Origin origin) {}
