package de.allmende.federation.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentDetails;
import de.allmende.content.ContentInput;
import de.allmende.content.ContentKind;
import de.allmende.content.MediaLookup;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Licence;
import de.allmende.domain.ValidationException;
import de.allmende.federation.json.Json;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A received ActivityStreams object → the same domain values the sending node's staff entered. The
 * object is mapped back to the staff API's shape and read by the same validating reader, so a
 * remote project obeys the same rules as a local one. Objects that are not Allmende content (no
 * {@code kind}) or do not validate give empty: they stay stored as raw JSON all the same.
 */
public final class AsToContent {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AsToContent() {}

    public static Optional<Content> convert(JsonNode object) {
        Optional<ContentKind> kind = Json.text(object.get("kind")).flatMap(ContentKind::byCode);
        Optional<URI> iri = Json.uri(object.get("id"));
        Optional<URI> author = Json.uri(object.get("attributedTo"));
        if (kind.isEmpty() || iri.isEmpty() || author.isEmpty()) return Optional.empty();
        try {
            ContentDetails details = ContentInput.parse(kind.get(), toInput(kind.get(), object), MediaLookup.NONE);
            Instant published = instant(object.get("published")).orElse(Instant.EPOCH);
            return Optional.of(new Content(Optional.empty(), iri.get(), author.get(), published,
                    instant(object.get("updated")).orElse(published), details));
        } catch (ValidationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The staff API's JSON for this object (exposed for diagnostics and tests). */
    public static ObjectNode toInput(ContentKind kind, JsonNode o) {
        ObjectNode in = F.objectNode();
        localized(in, "title", o, "name");
        if (kind != ContentKind.UPDATE) localized(in, "summary", o, "summary");
        if (kind == ContentKind.EVENT && in.has("summary")) EventFromAs.stripWhenAndWhere(in);
        JsonNode source = o.path("source");
        if (source.path("mediaType").asText().equals("text/markdown")) {
            if (source.path("contentMap").isObject()) in.set("body", source.get("contentMap").deepCopy());
            else if (source.path("content").isTextual()) in.putObject("body").put("de", source.get("content").asText());
        }
        copy(in, "fieldsOfAction", o, "fieldOfAction");
        tags(in, o);
        attachments(in, "images", o, "Image");
        switch (kind) {
            case PROJECT -> {
                status(in, "status", o);
                copy(in, "openness", o, "openness");
                copy(in, "fundingProgramme", o, "fundingProgramme");
                copy(in, "partners", o, "partners");
                copy(in, "councilDocuments", o, "councilDocuments");
                copy(in, "contacts", o, "contactPoints");
                copy(in, "startDate", o, "startDate");
                copy(in, "endDate", o, "endDate");
            }
            case UPDATE -> {
                Json.uri(o.get("project")).or(() -> Json.uri(o.get("context")))
                        .ifPresent(p -> in.put("project", p.toString()));
                if (o.has("projectStatus")) status(in, "newStatus", o);
            }
            case EVENT -> EventFromAs.read(in, o);
            case LESSON -> {
                copy(in, "sections", o, "lessonSections");
                copy(in, "lessonType", o, "lessonType");
                copy(in, "transferability", o, "transferability");
                copy(in, "effort", o, "effort");
                copy(in, "evidence", o, "evidence");
                copy(in, "project", o, "project");
                copy(in, "openness", o, "openness");
            }
            case AID -> {
                copy(in, "aidKind", o, "aidKind");
                Json.text(o.get("license")).ifPresent(l -> in.put("licence", Licence.byUri(l).map(Licence::code).orElse(l)));
                copy(in, "version", o, "version");
                copy(in, "derivedFrom", o, "derivedFrom");
                attachments(in, "files", o, "Document");
            }
        }
        return in;
    }

    private static void localized(ObjectNode in, String field, JsonNode o, String term) {
        JsonNode map = o.get(term + "Map");
        if (map != null && map.isObject() && map.has("de")) {
            ObjectNode l = in.putObject(field).put("de", map.get("de").asText());
            if (map.hasNonNull("en")) l.put("en", map.get("en").asText());
        } else if (o.path(term).isTextual()) {
            in.putObject(field).put("de", o.get(term).asText());
        }
    }

    private static void status(ObjectNode in, String field, JsonNode o) {
        in.putObject(field).put("value", o.path("projectStatus").asText()).put("asOf", o.path("statusAsOf").asText());
    }

    /** Free tags are the hashtags that are not fields of action. */
    private static void tags(ObjectNode in, JsonNode o) {
        Set<String> fieldTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Handlungsfeld h : Handlungsfeld.values()) {
            for (JsonNode f : in.path("fieldsOfAction")) if (f.asText().equals(h.code())) fieldTags.add(h.hashtag());
        }
        ArrayNode tags = F.arrayNode();
        for (JsonNode t : Json.each(o.get("tag"))) {
            if (!"Hashtag".equals(t.path("type").asText())) continue;
            String name = t.path("name").asText().replaceFirst("^#", "");
            if (!name.isEmpty() && !fieldTags.contains(name)) tags.add(name);
        }
        if (!tags.isEmpty()) in.set("tags", tags);
    }

    private static void attachments(ObjectNode in, String field, JsonNode o, String type) {
        ArrayNode out = F.arrayNode();
        for (JsonNode a : Json.each(o.get("attachment"))) {
            if (!type.equals(a.path("type").asText())) continue;
            ObjectNode n = out.addObject();
            Json.uri(a.get("url")).ifPresent(u -> n.put("url", u.toString()));
            copy(n, "mediaType", a, "mediaType");
            copy(n, "name", a, "name");
        }
        if (!out.isEmpty()) in.set(field, out);
    }

    static void copy(ObjectNode in, String field, JsonNode o, String term) {
        JsonNode v = o.get(term);
        if (v != null && !v.isNull()) in.set(field, v.deepCopy());
    }

    private static Optional<Instant> instant(JsonNode n) {
        try {
            return Json.text(n).map(s -> java.time.OffsetDateTime.parse(s).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
