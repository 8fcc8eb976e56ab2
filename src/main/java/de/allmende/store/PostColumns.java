package de.allmende.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import org.jooq.Field;
import org.jooq.JSONB;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static de.allmende.db.Tables.POST;

/**
 * A {@link Post}'s values as columns of {@code post} and back. The JSON here is this table's own storage
 * format (language maps, addressing, attachments, event facts), not ActivityStreams.
 */
final class PostColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Field<?>, Object> values;

    private PostColumns(Map<Field<?>, Object> values) {
        this.values = values;
    }

    /** The columns an insert and an edit both set. */
    Map<Field<?>, Object> values() {
        return values;
    }

    static PostColumns of(Post p) {
        Map<Field<?>, Object> v = new HashMap<>();
        v.put(POST.KIND, p.kind().name().toLowerCase());
        v.put(POST.VISIBILITY, p.visibility().name().toLowerCase());
        v.put(POST.AUDIENCE, jsonb(audience(p.audience())));
        v.put(POST.IN_REPLY_TO, p.inReplyTo().map(URI::toString).orElse(null));
        v.put(POST.CONVERSATION, p.conversation().map(URI::toString).orElse(null));
        v.put(POST.NAME, jsonb(JSON.valueToTree(p.name().texts())));
        v.put(POST.SUMMARY, jsonb(JSON.valueToTree(p.summary().texts())));
        v.put(POST.CONTENT, jsonb(JSON.valueToTree(p.content().texts())));
        v.put(POST.SENSITIVE, p.sensitive());
        v.put(POST.HASHTAGS, p.hashtags().toArray(String[]::new));
        v.put(POST.MENTIONS, p.mentions().stream().map(URI::toString).toArray(String[]::new));
        v.put(POST.ATTACHMENTS, jsonb(attachments(p.attachments())));
        v.put(POST.EVENT, p.event().map(e -> jsonb(event(e))).orElse(null));
        v.put(POST.URL, p.url().map(URI::toString).orElse(null));
        v.put(POST.ORIGIN_HOST, p.origin() instanceof Origin.Remote r ? r.host() : null);
        v.put(POST.PROOF_VERIFIED, p.origin() instanceof Origin.Remote r && r.proofVerified());
        v.put(POST.UPDATED, p.updated().map(PostStore::at).orElse(null));
        return new PostColumns(v);
    }

    static LanguageMap languageMap(JSONB column) {
        Map<String, String> texts = new LinkedHashMap<>();
        read(column).properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new LanguageMap(texts);
    }

    static Audience audience(JSONB column) {
        JsonNode a = read(column);
        return new Audience(uris(a.path("to")), uris(a.path("cc")));
    }

    static List<MediaAttachment> attachments(JSONB column) {
        List<MediaAttachment> out = new ArrayList<>();
        for (JsonNode a : read(column)) {
            out.add(new MediaAttachment(URI.create(a.path("url").asText()), a.path("mediaType").asText(),
                    Optional.ofNullable(a.get("description")).map(JsonNode::asText)));
        }
        return out;
    }

    static Optional<EventFacts> event(JSONB column) {
        if (column == null) return Optional.empty();
        JsonNode e = read(column);
        return Optional.of(new EventFacts(Instant.parse(e.path("start").asText()), text(e, "end").map(Instant::parse),
                text(e, "timeZone").map(ZoneId::of), text(e, "placeName"), text(e, "locality"), text(e, "onlineUrl").map(URI::create)));
    }

    private static ObjectNode audience(Audience a) {
        ObjectNode o = JSON.createObjectNode();
        a.to().forEach(u -> o.withArray("to").add(u.toString()));
        a.cc().forEach(u -> o.withArray("cc").add(u.toString()));
        return o;
    }

    private static ArrayNode attachments(List<MediaAttachment> list) {
        ArrayNode out = JSON.createArrayNode();
        for (MediaAttachment a : list) {
            ObjectNode o = out.addObject().put("url", a.url().toString()).put("mediaType", a.mediaType());
            a.description().ifPresent(d -> o.put("description", d));
        }
        return out;
    }

    private static ObjectNode event(EventFacts e) {
        ObjectNode o = JSON.createObjectNode().put("start", e.start().toString());
        e.end().ifPresent(t -> o.put("end", t.toString()));
        e.timeZone().ifPresent(z -> o.put("timeZone", z.getId()));
        e.placeName().ifPresent(n -> o.put("placeName", n));
        e.locality().ifPresent(n -> o.put("locality", n));
        e.onlineUrl().ifPresent(u -> o.put("onlineUrl", u.toString()));
        return o;
    }

    private static Set<URI> uris(JsonNode array) {
        Set<URI> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(URI.create(n.asText())));
        return out;
    }

    private static Optional<String> text(JsonNode o, String field) {
        return Optional.ofNullable(o.get(field)).map(JsonNode::asText);
    }

    private static JSONB jsonb(JsonNode n) {
        return JSONB.valueOf(n.toString());
    }

    private static JsonNode read(JSONB column) {
        try {
            return JSON.readTree(column.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post column is not JSON", e);
        }
    }
}
