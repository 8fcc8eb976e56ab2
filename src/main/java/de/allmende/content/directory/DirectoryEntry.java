package de.allmende.content.directory;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One municipality in the network's directory, with only what it publishes itself: the facts of its actor document
 * (AGS, ARS, Land, type, population), where it lives, and counts over its public posts.
 *
 * @param acct         {@code handle@host}, as people and Mastodon name it
 * @param software     the node's software and version: this node's own, or another node's as its NodeInfo said when
 *                     a coordinator here subscribed (unknown until then)
 * @param followers    accepted followers of this node's own municipalities; another node's municipality's as its
 *                     followers collection said when a coordinator here subscribed (unknown until then)
 * @param lastActivity when its latest public post was published, if it has one here
 * @param fields       public posts per field of action, by the search index's reading (field codes and hashtags)
 * @param recommended  its public posts a coordinator of this node features ("empfohlen")
 */
public record DirectoryEntry(String name, String acct, URI iri, boolean local, Optional<String> ags, Optional<String> ars,
                             Optional<Land> land, Optional<MunicipalityType> type, Optional<Integer> population,
                             Optional<SizeClass> sizeClass, String host, Optional<String> software, OptionalLong followers,
                             Optional<Instant> lastActivity, Map<Handlungsfeld, Long> fields, long recommended) {
    public DirectoryEntry {
        fields = Map.copyOf(fields);
    }
}
