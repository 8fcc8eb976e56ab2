package de.allmende.federation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds the activities and Notes this node publishes, in the shapes Mastodon expects. */
public final class ActivityJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ActivityJson() {}

    /** The @context of published objects and activities: AS2 plus Data Integrity for their proofs. */
    public static com.fasterxml.jackson.databind.node.ArrayNode context() {
        return F.arrayNode().add(Contexts.ACTIVITYSTREAMS).add(Contexts.DATA_INTEGRITY_V1);
    }

    /** A public Note: to Public, cc followers (Mastodon shows it as public). */
    public static ObjectNode note(URI id, URI actor, URI followers, String html, Instant published, URI url) {
        ObjectNode n = F.objectNode();
        n.set("@context", context());
        n.put("id", id.toString());
        n.put("type", "Note");
        n.put("attributedTo", actor.toString());
        n.put("content", html);
        n.putObject("contentMap").put("de", html); // a municipality writes German; Mastodon shows and filters by it
        n.put("published", published.truncatedTo(ChronoUnit.SECONDS).toString());
        n.put("url", url.toString());
        n.putArray("to").add(Contexts.PUBLIC);
        n.putArray("cc").add(followers.toString());
        return n;
    }

    /** Wraps an object in an activity, copying its addressing. The embedded object loses its @context. */
    public static ObjectNode wrap(String type, URI id, URI actor, JsonNode object, Instant published) {
        ObjectNode a = F.objectNode();
        a.set("@context", context());
        a.put("id", id.toString());
        a.put("type", type);
        a.put("actor", actor.toString());
        a.put("published", published.truncatedTo(ChronoUnit.SECONDS).toString());
        if (object.isObject()) {
            ObjectNode embedded = ((ObjectNode) object).deepCopy();
            if (!embedded.has("proof")) embedded.remove("@context"); // a signed object keeps the context its proof covers
            if (embedded.has("to")) a.set("to", embedded.get("to").deepCopy());
            if (embedded.has("cc")) a.set("cc", embedded.get("cc").deepCopy());
            a.set("object", embedded);
        } else {
            a.set("object", object);
        }
        return a;
    }

    /** An activity about another actor's object or actor (Follow, Like, Announce): addressed explicitly. */
    public static ObjectNode about(String type, URI id, URI actor, URI object, Instant published, String... to) {
        ObjectNode a = F.objectNode();
        a.set("@context", context());
        a.put("id", id.toString());
        a.put("type", type);
        a.put("actor", actor.toString());
        a.put("object", object.toString());
        a.put("published", published.truncatedTo(ChronoUnit.SECONDS).toString());
        var toArray = a.putArray("to");
        for (String t : to) toArray.add(t);
        return a;
    }

    /**
     * A report, as Mastodon's FlagSerializer shapes it: {@code object} the reported account then its posts, {@code content}
     * the comment; addressed to the reported account (Mastodon leaves the addressing out; its inbox needs none).
     */
    public static ObjectNode flag(URI id, URI actor, URI reported, java.util.List<URI> statuses, String comment, Instant published) {
        ObjectNode a = about("Flag", id, actor, reported, published, reported.toString());
        var object = a.putArray("object").add(reported.toString());
        statuses.forEach(s -> object.add(s.toString()));
        a.put("content", comment);
        return a;
    }

    public static ObjectNode tombstone(URI id, Instant deleted) {
        ObjectNode t = F.objectNode();
        t.put("id", id.toString());
        t.put("type", "Tombstone");
        t.put("deleted", deleted.truncatedTo(ChronoUnit.SECONDS).toString());
        return t;
    }
}
