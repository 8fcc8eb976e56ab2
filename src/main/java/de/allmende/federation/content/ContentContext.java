package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.json.Contexts;

/**
 * The @context of municipal content: AS2, Data Integrity (for the proof), and every other term
 * defined inline — Allmende's own under one namespace, Mobilizon's and schema.org's event terms
 * under their usual prefixes so Mobilizon and FEP-8a8e readers recognise them. Structured values
 * (sections, partners, contacts, transferability, effort) are JSON literals ({@code @json}).
 * federation-spec/context.jsonld is a copy of {@link #terms()}; a test keeps them equal.
 */
public final class ContentContext {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContentContext() {}

    public static ArrayNode context() {
        ArrayNode ctx = F.arrayNode().add(Contexts.ACTIVITYSTREAMS).add(Contexts.DATA_INTEGRITY_V1);
        ctx.add(terms());
        return ctx;
    }

    public static ObjectNode terms() {
        ObjectNode t = F.objectNode();
        t.put("allmende", Contexts.ALLMENDE_NS);
        t.put("sc", "http://schema.org/");
        t.put("mz", "https://joinmobilizon.org/ns#");
        t.put("ical", "http://www.w3.org/2002/12/cal/ical#");
        t.put("prov", "http://www.w3.org/ns/prov#");
        t.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        t.put("kind", "allmende:kind");
        vocab(t, "fieldOfAction");
        vocab(t, "openness");
        t.put("projectStatus", "allmende:projectStatus");
        typed(t, "statusAsOf", "allmende:statusAsOf", "xsd:date");
        t.put("fundingProgramme", "allmende:fundingProgramme");
        typed(t, "partners", "allmende:partners", "@json");
        typed(t, "contactPoints", "allmende:contactPoints", "@json");
        typed(t, "councilDocuments", "allmende:councilDocument", "@id");
        typed(t, "startDate", "sc:startDate", "xsd:date");
        typed(t, "endDate", "sc:endDate", "xsd:date");
        typed(t, "project", "allmende:project", "@id");
        t.put("lessonType", "allmende:lessonType");
        typed(t, "lessonSections", "allmende:lessonSections", "@json");
        typed(t, "transferability", "allmende:transferability", "@json");
        typed(t, "effort", "allmende:effort", "@json");
        typed(t, "evidence", "allmende:evidence", "@id");
        t.put("aidKind", "allmende:aidKind");
        typed(t, "license", "sc:license", "@id");
        t.put("version", "sc:version");
        typed(t, "derivedFrom", "prov:wasDerivedFrom", "@id");
        // Events: FEP-8a8e and Mobilizon's terms.
        t.put("timezone", "mz:timezone");
        t.put("eventStatus", "sc:eventStatus");
        t.put("status", "ical:status");
        t.put("joinMode", "mz:joinMode");
        typed(t, "externalParticipationUrl", "mz:externalParticipationUrl", "sc:URL");
        t.put("isOnline", "mz:isOnline");
        t.put("category", "sc:category");
        t.put("inLanguage", "sc:inLanguage");
        typed(t, "organizers", "sc:organizer", "@id");
        typed(t, "contacts", "mz:contacts", "@id");
        t.put("address", "sc:address");
        t.put("PostalAddress", "sc:PostalAddress");
        t.put("streetAddress", "sc:streetAddress");
        t.put("postalCode", "sc:postalCode");
        t.put("addressLocality", "sc:addressLocality");
        t.put("addressRegion", "sc:addressRegion");
        t.put("addressCountry", "sc:addressCountry");
        t.put("VirtualLocation", "sc:VirtualLocation");
        t.put("Hashtag", "as:Hashtag");
        return t;
    }

    private static void vocab(ObjectNode t, String term) {
        t.put(term, "allmende:" + term);
    }

    private static void typed(ObjectNode t, String term, String id, String type) {
        t.putObject(term).put("@id", id).put("@type", type);
    }
}
