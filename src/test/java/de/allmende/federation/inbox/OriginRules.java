package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.inbox.Probe.Expect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The suite's own reading of the inbox's origin rules, written apart from the node's code: an activity
 * signed by {@code signer} may be accepted only if it names exactly that actor, its id (if it has one) is
 * on the actor's host, and — when any of its types is Create or Update — every object it carries or
 * names, and every author of such an object (attributedTo, actor; in any spelling: string, {"id"}, array),
 * is on the actor's host too. Hosts compare as authorities, ignoring case, as the node compares them.
 */
final class OriginRules {
    private static final Set<String> OBJECT_CARRYING = Set.of("Create", "Update");
    private static final String NOT_AN_IRI = "\u0000not an IRI";

    private OriginRules() {}

    /** What a correctly signed request with this body must get: EITHER if the rules hold, else why not. */
    static Expect expect(JsonNode doc, URI signer) {
        if (doc == null || !doc.isObject()) return Expect.MALFORMED;
        List<String> actors = iris(doc.get("actor"));
        if (actors.isEmpty() || actors.contains(NOT_AN_IRI)) return Expect.MALFORMED;
        if (!actors.stream().allMatch(a -> a.equals(signer.toString()))) return Expect.FORGERY;
        JsonNode id = doc.get("id");
        if (id != null && !id.isNull()) {
            List<String> ids = iris(id);
            if (ids.size() != 1 || !isWebIri(ids.getFirst())) return Expect.MALFORMED;
            if (!onHost(ids, signer)) return Expect.FORGERY;
        }
        List<String> types = texts(doc.get("type"));
        if (types.isEmpty()) return Expect.MALFORMED;
        if (types.stream().noneMatch(OBJECT_CARRYING::contains)) return Expect.EITHER;
        for (JsonNode object : each(doc.get("object"))) {
            if (!object.isTextual() && !object.isObject()) continue; // no IRI at all: nothing that could be forged
            List<String> objectIds = iris(object);
            if (object.isObject() && objectIds.isEmpty() || !objectIds.stream().allMatch(OriginRules::isWebIri)) return Expect.MALFORMED;
            if (!onHost(objectIds, signer)) return Expect.FORGERY;
            for (String author : List.of("attributedTo", "actor")) {
                // Authors that are no IRI at all name nobody; a real IRI elsewhere names someone else.
                List<String> named = iris(object.get(author)).stream().filter(OriginRules::isWebIri).toList();
                if (!onHost(named, signer)) return Expect.FORGERY;
            }
        }
        return Expect.EITHER;
    }

    /** IRIs a property names: a string, an object's id, or each element of an array; other scalars count as "not an IRI". */
    static List<String> iris(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) return out;
        if (n.isTextual()) out.add(n.textValue());
        else if (n.isObject()) out.addAll(iris(n.get("id")));
        else if (n.isArray()) n.forEach(e -> out.addAll(iris(e)));
        else out.add(NOT_AN_IRI);
        return out;
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(n)) if (e.isTextual() && !e.textValue().isBlank()) out.add(e.textValue());
        return out;
    }

    private static List<JsonNode> each(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(out::add);
        else out.add(n);
        return out;
    }

    private static boolean onHost(List<String> iris, URI signer) {
        return iris.stream().allMatch(i -> isWebIri(i) && URI.create(i).getRawAuthority().equalsIgnoreCase(signer.getRawAuthority()));
    }

    private static boolean isWebIri(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getRawAuthority() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
