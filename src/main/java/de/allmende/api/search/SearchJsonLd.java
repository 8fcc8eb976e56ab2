package de.allmende.api.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.Responses;
import de.allmende.domain.search.ExportItem;
import de.allmende.federation.json.Contexts;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A search export as JSON-LD: a schema.org {@code Dataset} whose {@code hasPart} are the hits, each a schema.org
 * {@code CreativeWork} (an {@code Event} for events) with its municipality as a place, and its provenance in terms of
 * ours and PROV-O. The context is inline, so that a reader needs no network to expand it.
 */
final class SearchJsonLd {
    private SearchJsonLd() {}

    static ObjectNode write(URI self, String title, List<ExportItem> items, boolean truncated, Instant created) {
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.set("@context", context());
        doc.put("@id", self.toString());
        doc.put("@type", "Dataset");
        doc.put("name", title);
        doc.put("license", DcatCatalog.LICENSE_CC_BY);
        doc.put("dateCreated", created.toString());
        doc.put("numberOfItems", items.size());
        doc.put("truncated", truncated);
        ArrayNode parts = doc.putArray("hasPart");
        for (ExportItem i : items) parts.add(item(i));
        return doc;
    }

    private static ObjectNode item(ExportItem i) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("@id", i.iri().toString());
        o.put("@type", i.kind().code().equals("event") ? "Event" : "CreativeWork");
        o.put("name", i.title());
        o.put("kind", i.kind().code());
        o.put("url", i.url().toString());
        o.put("inLanguage", i.language());
        o.put("datePublished", i.published().toString());
        ArrayNode fields = o.putArray("fieldOfAction");
        i.fields().forEach(fields::add);
        ObjectNode author = o.putObject("author");
        author.put("@id", i.author().toString()).put("name", i.municipalityName()) // a municipality, or whoever wrote a received post
                .put("acct", i.municipality());
        ObjectNode place = o.putObject("spatialCoverage").put("@type", "AdministrativeArea").put("name", i.municipalityName());
        i.ags().ifPresent(a -> place.put("ags", a));
        i.land().ifPresent(l -> place.putObject("containedInPlace").put("@type", "AdministrativeArea").put("identifier", l));
        o.put("empfohlen", i.recommended());
        ObjectNode p = o.putObject("provenance");
        p.put("originHost", i.provenance().originHost()).put("via", i.provenance().via());
        i.provenance().proofStatus().ifPresent(s -> p.put("proofStatus", s));
        i.provenance().fetchedAt().ifPresent(t -> p.put("fetchedAt", t.toString()));
        return o;
    }

    /** schema.org as the vocabulary, and the few terms schema.org has not, in the node's namespace. */
    private static ObjectNode context() {
        ObjectNode c = Responses.JSON.createObjectNode();
        c.put("@vocab", "https://schema.org/");
        c.put("allmende", Contexts.ALLMENDE_NS);
        c.put("prov", "http://www.w3.org/ns/prov#");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        c.putObject("license").put("@id", "https://schema.org/license").put("@type", "@id");
        c.putObject("url").put("@id", "https://schema.org/url").put("@type", "@id");
        c.putObject("dateCreated").put("@id", "https://schema.org/dateCreated").put("@type", "xsd:dateTime");
        c.putObject("datePublished").put("@id", "https://schema.org/datePublished").put("@type", "xsd:dateTime");
        c.put("truncated", "allmende:truncated");
        c.put("kind", "allmende:kind");
        c.put("acct", "allmende:acct");
        c.put("ags", "allmende:ags");
        c.put("fieldOfAction", "allmende:handlungsfeld");
        c.put("empfohlen", "allmende:empfohlen");
        c.put("provenance", "allmende:provenance");
        c.put("originHost", "allmende:originHost");
        c.put("via", "allmende:via");
        c.put("proofStatus", "allmende:proofStatus");
        c.putObject("fetchedAt").put("@id", "prov:generatedAtTime").put("@type", "xsd:dateTime");
        return c;
    }
}
