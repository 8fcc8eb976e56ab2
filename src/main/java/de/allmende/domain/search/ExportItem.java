package de.allmende.domain.search;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One hit of a search as exported (issue 11, point 6): what it is, whose, where, and where the node got it from.
 *
 * @param municipality the author's acct (handle here, user@host elsewhere)
 * @param author the author's actor IRI
 * @param land ISO 3166-2, e.g. DE-HE, where the author says
 * @param ags the Amtlicher Gemeindeschlüssel, where the author says
 * @param recommended a coordinator of this node features it ("empfohlen")
 */
public record ExportItem(URI iri, URI url, SearchKind kind, String title, String language, List<String> fields, Instant published,
                         String municipality, String municipalityName, URI author, Optional<String> land, Optional<String> ags,
                         boolean recommended, Provenance provenance) {
    public ExportItem {
        fields = List.copyOf(fields);
    }

    /**
     * Where the item came from. {@code via} is {@code backfill} or {@code delivery} for an item a coordinator here
     * aggregates (with its FEP-8b32 proof status and when it was last fetched), {@code local} for one written on this
     * node, {@code received} for one that came by ordinary federation.
     */
    public record Provenance(String originHost, String via, Optional<String> proofStatus, Optional<Instant> fetchedAt) {}
}
