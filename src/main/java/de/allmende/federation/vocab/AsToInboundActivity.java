package de.allmende.federation.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.json.Json;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reader of inbound ActivityStreams JSON: activity → {@link InboundActivity} (the inbox's parse stage,
 * on receipt and again in the worker from the stored JSON), then → the {@link ActivityView} of its type.
 * Tolerant where peers differ (a property as a string, an object with an id, or a one-element array; type
 * as an array), strict where handlers rely on something: what is required and missing is {@link Malformed}.
 */
public final class AsToInboundActivity {

    /** The activity cannot be read as its type requires; neither retrying nor another reader will change that. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    /** Type → view, for every type this node acts on; any other type is taken and ignored. */
    private static final Map<String, Function<InboundActivity, ActivityView>> VIEWS = views();

    private AsToInboundActivity() {}

    private static Map<String, Function<InboundActivity, ActivityView>> views() {
        Map<String, Function<InboundActivity, ActivityView>> v = new LinkedHashMap<>();
        v.put("Follow", a -> new FollowActivity(a, required(a, "Follow")));
        v.put("Accept", a -> new AcceptActivity(a, a.object()));
        v.put("Reject", a -> new RejectActivity(a, a.object()));
        v.put("Undo", a -> new UndoActivity(a, a.object()));
        v.put("Like", a -> new LikeActivity(a, a.object()));
        v.put("Announce", a -> new AnnounceActivity(a, a.object()));
        // Create and Update may name their object by reference: whether it can be had is the handler's fetch to find out.
        v.put("Create", a -> new CreateActivity(a, a.object()));
        v.put("Update", a -> new UpdateActivity(a, a.object()));
        v.put("Delete", a -> new DeleteActivity(a, required(a, "Delete")));
        v.put("Join", a -> new JoinActivity(a, required(a, "Join")));
        v.put("Flag", a -> new FlagActivity(a, flagged(a), Json.text(a.raw().get("content")).orElse("")));
        return Map.copyOf(v);
    }

    /** The activity types that have a view (and so a handler). */
    public static Set<String> viewedTypes() {
        return VIEWS.keySet();
    }

    /**
     * Reads the envelope of an activity.
     *
     * @throws Malformed if it is not an object or lacks an http(s) id (as a string), a type or an actor
     */
    public static InboundActivity convert(JsonNode doc) {
        if (doc == null || !doc.isObject()) throw new Malformed("activity must be a JSON object");
        JsonNode id = doc.get("id");
        // {"id": …} or […] would be read as an IRI, but stored and deduplicated as "".
        if (id != null && !id.isNull() && !id.isTextual()) throw new Malformed("activity id must be a string");
        URI iri = Json.uri(id).orElseThrow(() -> new Malformed("activity needs an http(s) id"));
        String type = Json.firstType(doc).orElseThrow(() -> new Malformed("activity needs a type"));
        URI actor = Json.uri(doc.get("actor")).orElseThrow(() -> new Malformed("activity needs an actor"));
        return new InboundActivity(iri, type, actor, ref(doc.get("object")), audience(doc), published(doc.get("published")),
                Optional.ofNullable(doc.get("@context")), (ObjectNode) doc);
    }

    /**
     * The view of the activity's type, or empty for a type this node does not act on (Leave, Move, a bare Note …).
     *
     * @throws Malformed if the type requires what the activity lacks (a Follow of no one)
     */
    public static Optional<ActivityView> view(InboundActivity activity) {
        return Optional.ofNullable(VIEWS.get(activity.type())).map(view -> view.apply(activity));
    }

    /** Reads an embedded or fetched document; empty if it is not a JSON object. */
    public static Optional<AsObject> object(JsonNode doc) {
        return doc instanceof ObjectNode o ? Optional.of(object(o)) : Optional.empty();
    }

    private static AsObject object(ObjectNode doc) {
        return new AsObject(Json.uri(doc.get("id")), Json.firstType(doc), Json.uri(doc.get("actor")), Json.uri(doc.get("attributedTo")),
                ref(doc.get("object")), audience(doc), Optional.ofNullable(doc.get("@context")), doc);
    }

    /**
     * Only a JSON object counts as embedded: a one-element array holding one is followed by its id, as by
     * reference (the inbox's origin rules have checked every entry of an array for its host either way).
     */
    private static ObjectRef ref(JsonNode value) {
        if (value instanceof ObjectNode embedded) return new ObjectRef.Embedded(object(embedded));
        return Json.uri(value).<ObjectRef>map(ObjectRef.Link::new).orElse(ObjectRef.NONE);
    }

    private static Audience audience(JsonNode doc) {
        return new Audience(Json.addresses(doc.get("to")), Json.addresses(doc.get("cc")), Json.addresses(doc.get("audience")));
    }

    /** An ISO-8601 instant, with or without an offset other than Z; empty if absent or unreadable (it only informs). */
    private static Optional<Instant> published(JsonNode value) {
        Optional<String> text = Json.text(value);
        if (text.isEmpty()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Every IRI a Flag's {@code object} names: one or an array, each a string or an object with an id (peers differ);
     * what names nothing (a number, an object without id) is passed over.
     */
    private static java.util.List<URI> flagged(InboundActivity activity) {
        java.util.List<URI> out = Json.each(activity.raw().get("object")).stream().flatMap(o -> Json.uri(o).stream()).distinct().toList();
        if (out.isEmpty()) throw new Malformed("Flag without object");
        return out;
    }

    private static URI required(InboundActivity activity, String type) {
        return activity.object().iri().orElseThrow(() -> new Malformed(type + " without object"));
    }
}
