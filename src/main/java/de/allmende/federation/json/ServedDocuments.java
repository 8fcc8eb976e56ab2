package de.allmende.federation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.PostText;

import java.util.Optional;
import java.util.Set;

/** What the ActivityPub endpoints need to know about the stored documents they serve at local IRIs. */
public final class ServedDocuments {
    private static final Set<String> CARRYING = Set.of("Create", "Update");

    private ServedDocuments() {}

    /** A stored object as a document of its own: with the ActivityStreams context if it was stored without one. */
    public static ObjectNode standalone(ObjectNode object) {
        if (!object.has("@context")) object.put("@context", Contexts.ACTIVITYSTREAMS);
        return object;
    }

    /** The words of a stored object (a Note, say): its name and its content, unsanitised. */
    public static PostText text(JsonNode object) {
        String name = object.path("name").asText("");
        return new PostText(name.isBlank() ? null : name, null, object.path("content").asText(""));
    }

    /** An activity is shown to anyone who asks only if the public collection is among its {@code to} addresses. */
    public static boolean isPublicActivity(JsonNode activity) {
        return Json.addresses(activity.get("to")).contains(Contexts.PUBLIC);
    }

    /** An object anyone may read: addressed to the public ({@code to} or {@code cc}: public or unlisted). */
    public static boolean isForEveryone(JsonNode object) {
        return Json.isPublic(object);
    }

    /** The id of the object a Create or Update embeds (its words, which must go once the object is deleted). */
    public static Optional<String> carriedObject(JsonNode activity) {
        if (!CARRYING.contains(activity.path("type").asText())) return Optional.empty();
        return Optional.of(activity.path("object").path("id").asText());
    }
}
