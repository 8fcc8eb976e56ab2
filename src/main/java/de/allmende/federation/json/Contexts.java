package de.allmende.federation.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-LD contexts. Only well-known context URLs that resolve are referenced; everything else —
 * Mastodon's terms and Allmende's own vocabulary — is defined inline, so no processor ever has to
 * fetch a context from us.
 */
public final class Contexts {
    public static final String ACTIVITYSTREAMS = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY_V1 = "https://w3id.org/security/v1";
    public static final String DATA_INTEGRITY_V1 = "https://w3id.org/security/data-integrity/v1";
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    /** Namespace of Allmende's own terms (defined inline; see federation-spec/FEDERATION.md). */
    public static final String ALLMENDE_NS = "https://w3id.org/allmende/ns#";
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    /** FEP-521a's key list; neither data-integrity/v1 nor multikey/v1 defines the term. */
    public static final String ASSERTION_METHOD = "https://w3id.org/security#assertionMethod";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Contexts() {}

    /** The @context of actor documents. */
    public static ArrayNode actor() {
        ArrayNode ctx = F.arrayNode().add(ACTIVITYSTREAMS).add(SECURITY_V1).add(DATA_INTEGRITY_V1).add(MULTIKEY_V1);
        ObjectNode terms = ctx.addObject();
        // Without this, JSON-LD processors drop assertionMethod (Fedify then finds no key for our proofs);
        // defined inline, like our other terms, so a reader needs no further context (did/v1, cid/v1) for it.
        terms.putObject("assertionMethod").put("@id", ASSERTION_METHOD).put("@type", "@id").put("@container", "@set");
        terms.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
        terms.put("toot", "http://joinmastodon.org/ns#");
        terms.putObject("featured").put("@id", "toot:featured").put("@type", "@id");
        terms.put("discoverable", "toot:discoverable");
        terms.put("indexable", "toot:indexable");
        terms.put("schema", "http://schema.org#");
        terms.put("PropertyValue", "schema:PropertyValue");
        terms.put("value", "schema:value");
        terms.putObject("webfinger").put("@id", "https://purl.archive.org/socialweb/webfinger#webfinger").put("@type", "xsd:string");
        terms.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        allmendeTerms(terms);
        return ctx;
    }

    /** The @context of a coordinator's actor document: the actors' one and the term that marks it a coordinator. */
    public static ArrayNode coordinatorActor() {
        ArrayNode ctx = actor();
        ((ObjectNode) ctx.get(ctx.size() - 1)).putObject("coordinator").put("@id", "allmende:coordinator").put("@type", "xsd:boolean");
        return ctx;
    }

    /**
     * The @context of a topic group's document (FEP-1b12): the actors' one, Lemmy's term that says whether only its
     * moderators may post, and the field of action it stands for.
     */
    public static ArrayNode groupActor() {
        ArrayNode ctx = actor();
        ObjectNode terms = (ObjectNode) ctx.get(ctx.size() - 1);
        terms.put("lemmy", "https://join-lemmy.org/ns#");
        terms.put("postingRestrictedToMods", "lemmy:postingRestrictedToMods");
        terms.put("fieldOfAction", "allmende:fieldOfAction");
        return ctx;
    }

    /** Allmende's vocabulary for municipalities. */
    private static void allmendeTerms(ObjectNode terms) {
        terms.put("allmende", ALLMENDE_NS);
        terms.put("ags", "allmende:ags");
        terms.put("ars", "allmende:ars");
        terms.put("land", "allmende:land");
        terms.put("municipalityType", "allmende:municipalityType");
        terms.putObject("population").put("@id", "allmende:population").put("@type", "xsd:integer");
    }
}
