package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.RecordedActivities.Recorded;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded activities changed as JSON documents — fields deleted, values of other types, other types of
 * activity, IRIs on other hosts (as strings, objects, arrays), huge values — each signed correctly by
 * its actor. {@link OriginRules} decides whether the node may accept the result.
 */
final class BodyMutations {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("Create", "Update", "Delete", "Announce", "Like", "Follow", "Undo", "Accept",
            "Reject", "Add", "Remove", "Block", "Flag", "Move", "Question", "Note", "Person", "create", "as:Create");

    private final RecordedProbes probes;
    private final String elsewhere;
    private final String home;

    /** {@code home}: the recorded actors' authority; {@code elsewhere}: another server's. */
    BodyMutations(RecordedProbes probes, URI home, URI elsewhere) {
        this.probes = probes;
        this.home = home.getRawAuthority();
        this.elsewhere = elsewhere.getRawAuthority();
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("body/field-deleted", "recorded activities, one field deleted", () -> probes.forEach(600, this::deletions)),
                new Kind("body/type-swapped", "recorded activities, one value of another JSON type", () -> probes.forEach(1200, this::swaps)),
                new Kind("body/type-confusion", "recorded activities as another activity type", () -> probes.forEach(300, this::confusions)),
                new Kind("body/wrong-host", "finding 9: ids, actor, object, attributedTo on other hosts",
                        () -> probes.forEach(900, this::wrongHosts)),
                // Two at a time: each costs the node ~100 ms of CPU; eight at once on two shared cores measure capacity, not input handling.
                new Kind("body/huge", "huge strings, keys, arrays and ids below 1 MB", () -> probes.forEach(40, this::huge), 2));
    }

    private void deletions(Recorded r, List<Draft> out) {
        for (String path : paths(r.doc())) {
            ObjectNode doc = probes.fresh(r);
            parent(doc, path).remove(leaf(path));
            out.add(probes.signed("without " + path, r, doc));
        }
    }

    private void swaps(Recorded r, List<Draft> out) {
        for (String path : paths(r.doc())) {
            JsonNode original = parent(r.doc(), path).get(leaf(path));
            for (JsonNode value : otherValues(original)) {
                ObjectNode doc = probes.fresh(r);
                JsonNode fresh = parent(doc, path).get(leaf(path)); // the fresh copy's value (ids end in the tag)
                parent(doc, path).set(leaf(path), value == PLACEHOLDER ? F.arrayNode().add(fresh)
                        : value == WRAPPED ? F.objectNode().set("id", fresh) : value);
                out.add(probes.signed(path + " = " + shorten(parent(doc, path).get(leaf(path))), r, doc));
            }
        }
    }

    /** Marks the two spellings that depend on the original value: [value] and {"id": value}. */
    private static final JsonNode PLACEHOLDER = F.textNode("[original]");
    private static final JsonNode WRAPPED = F.textNode("{\"id\": original}");

    private static List<JsonNode> otherValues(JsonNode original) {
        return List.of(F.numberNode(42), F.numberNode(-1.5), F.booleanNode(true), F.nullNode(), F.textNode(""), F.textNode("x"),
                F.arrayNode(), F.objectNode(), PLACEHOLDER, WRAPPED, F.arrayNode().add(F.arrayNode().add(original.deepCopy())),
                F.textNode(" " + original.asText() + " "));
    }

    private void confusions(Recorded r, List<Draft> out) {
        List<JsonNode> types = new ArrayList<>();
        TYPES.forEach(t -> types.add(F.textNode(t)));
        types.add(F.arrayNode().add("Note").add("Create"));
        types.add(F.arrayNode().add("Create").add("Note"));
        for (JsonNode type : types) {
            ObjectNode asIs = probes.fresh(r);
            asIs.set("type", type.deepCopy());
            out.add(probes.signed("type " + type, r, asIs));
            // The same type about someone else's object: Update or Create of it would be a forgery.
            ObjectNode foreign = probes.fresh(r);
            foreign.set("type", type.deepCopy());
            foreign.put("object", "http://" + elsewhere + "/notes/" + foreign.path("id").asText().hashCode());
            out.add(probes.signed("type " + type + " of an object elsewhere", r, foreign));
        }
    }

    private void wrongHosts(Recorded r, List<Draft> out) {
        List<String> fields = new ArrayList<>(List.of("id", "actor", "object"));
        if (r.doc().get("object") instanceof ObjectNode object) {
            fields.add("object.id");
            fields.add("object.attributedTo");
            if (object.has("actor") || object.has("type")) fields.add("object.actor");
        }
        for (String path : fields) {
            for (String authority : authorities()) {
                for (int form = 0; form < 5; form++) {
                    ObjectNode doc = probes.fresh(r);
                    ObjectNode parent = parent(doc, path);
                    if (parent == null) continue;
                    JsonNode own = parent.has(leaf(path)) ? parent.get(leaf(path)) : F.textNode(r.actor().id().toString());
                    String other = moved(own, authority);
                    parent.set(leaf(path), switch (form) {
                        case 0 -> F.textNode(other);
                        case 1 -> F.arrayNode().add(own.deepCopy()).add(other);
                        case 2 -> F.arrayNode().add(other).add(own.deepCopy());
                        case 3 -> F.objectNode().put("id", other).put("type", "Note");
                        default -> F.arrayNode().add(F.objectNode().put("id", other));
                    });
                    out.add(probes.signed(path + " form " + form + " on " + authority, r, doc));
                }
            }
        }
    }

    /** Another server, and other spellings of the actor's own (only some of them the same authority). */
    private List<String> authorities() {
        String port = home.substring(home.lastIndexOf(':') + 1);
        return List.of(elsewhere, "localhost:" + port, "127.0.0.1:" + (Integer.parseInt(port) + 1), "x@" + home, home + "@" + elsewhere,
                "127.0.0.1.:" + port, "[::ffff:127.0.0.1]:" + port, "victim.example", "0x7f.1:" + port, "münchen.example", "my_victim.example");
    }

    /** The IRI (or, for objects, its id) with its authority replaced. */
    private static String moved(JsonNode own, String authority) {
        String iri = own.isTextual() ? own.asText() : own.path("id").asText("http://x/none");
        try {
            URI u = URI.create(iri);
            return "http://" + authority + (u.getRawPath() == null ? "/" : u.getRawPath()) + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
        } catch (IllegalArgumentException e) {
            return "http://" + authority + "/unparseable";
        }
    }

    private void huge(Recorded r, List<Draft> out) {
        String own = r.actor().id().toString();
        ObjectNode content = probes.fresh(r);
        target(content).put("content", "a".repeat(900_000));
        out.add(probes.signed("content of 900,000 characters", r, content));
        ObjectNode umlauts = probes.fresh(r);
        target(umlauts).put("content", "ä".repeat(400_000));
        out.add(probes.signed("content of 400,000 umlauts (800 KB)", r, umlauts));
        ObjectNode key = probes.fresh(r);
        key.put("k".repeat(100_000), "v");
        out.add(probes.signed("a key of 100,000 characters", r, key));
        ObjectNode array = probes.fresh(r);
        ArrayNode tags = array.putArray("tag");
        for (int i = 0; i < 100_000; i++) tags.add(1);
        out.add(probes.signed("an array of 100,000 numbers", r, array));
        ObjectNode keys = probes.fresh(r);
        ObjectNode extra = keys.putObject("extra");
        for (int i = 0; i < 30_000; i++) extra.put("k" + i, i);
        out.add(probes.signed("an object of 30,000 keys", r, keys));
        for (int length : new int[]{3_000, 10_000, 200_000}) {
            ObjectNode longId = probes.fresh(r);
            longId.put("id", own + "/" + "i".repeat(length));
            out.add(probes.signed("an id of " + length + " characters on the actor's host", r, longId));
        }
    }

    private static ObjectNode target(ObjectNode doc) {
        return doc.get("object") instanceof ObjectNode o ? o : doc;
    }

    /** Top-level fields, and those of an embedded object as {@code object.<field>}. */
    private static List<String> paths(ObjectNode doc) {
        List<String> out = new ArrayList<>();
        doc.fieldNames().forEachRemaining(out::add);
        if (doc.get("object") instanceof ObjectNode o) o.fieldNames().forEachRemaining(f -> out.add("object." + f));
        return out;
    }

    private static ObjectNode parent(ObjectNode doc, String path) {
        if (!path.startsWith("object.")) return doc;
        return doc.get("object") instanceof ObjectNode o ? o : null;
    }

    private static String leaf(String path) {
        return path.startsWith("object.") ? path.substring("object.".length()) : path;
    }

    private static String shorten(JsonNode value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
