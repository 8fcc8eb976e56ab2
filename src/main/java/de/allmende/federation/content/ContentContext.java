package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.vocab.EventStatus;
import de.allmende.federation.json.Contexts;

/**
 * The @context of municipal content: AS2, Data Integrity (for the proof), and every other term
 * defined inline — Allmende's own under one namespace, event terms under FEP-8a8e's IRIs (FEP-8a8e
 * shares Mobilizon's JSON keys), Mobilizon's and schema.org's where FEP-8a8e has none. Structured
 * values (sections, partners, contacts, transferability, effort) are JSON literals ({@code @json}).
 * federation-spec/context.jsonld is a copy of {@link #terms()}; a test keeps them equal.
 */
public final class ContentContext {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Namespace of FEP-8a8e's event terms. */
    public static final String FEP_8A8E = "https://w3id.org/fep/8a8e/";

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
        // Events: FEP-8a8e's terms under its IRIs (the JSON keys are Mobilizon's too), Mobilizon's where
        // FEP-8a8e has none, and iCalendar status as Mobilizon reads it.
        t.put("fep8a8e", FEP_8A8E);
        t.put("timezone", "fep8a8e:timezone");
        // The status values are terms too, so "EventScheduled" expands to FEP-8a8e's IRI.
        t.putObject("eventStatus").put("@id", "fep8a8e:eventStatus").put("@type", "@vocab");
        for (EventStatus s : EventStatus.values()) t.put(s.schemaOrg(), "fep8a8e:" + s.schemaOrg());
        t.put("status", "ical:status");
        t.put("joinMode", "fep8a8e:joinMode");
        typed(t, "externalParticipationUrl", "fep8a8e:externalParticipationUrl", "xsd:anyURI");
        t.putObject("category").put("@id", "fep8a8e:category").put("@container", "@list");
        t.put("organizers", "fep8a8e:organizers");
        t.put("isOnline", "mz:isOnline");
        t.put("inLanguage", "sc:inLanguage");
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
