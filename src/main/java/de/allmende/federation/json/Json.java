package de.allmende.federation.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tolerant readers for ActivityStreams JSON, where most properties may be a string, an object or an array. */
public final class Json {
    /** ActivityStreams documents nest a handful of levels; JSON-LD contexts a few more. */
    public static final int MAX_DEPTH = 64;
    /**
     * Reads strictly (one value, no duplicate keys, at most {@link #MAX_DEPTH} levels) and writes as
     * usual. Bytes from outside go through {@link StrictJson#read}, which checks what a mapper cannot.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    public static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** An absolute http(s) IRI, given as a string or as an object with an id. */
    public static Optional<URI> uri(JsonNode n) {
        if (n == null) return Optional.empty();
        if (n.isObject()) return uri(n.get("id"));
        if (n.isArray() && n.size() == 1) return uri(n.get(0));
        if (!n.isTextual()) return Optional.empty();
        try {
            URI u = new URI(n.asText());
            String s = u.getScheme();
            return ("https".equalsIgnoreCase(s) || "http".equalsIgnoreCase(s)) && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The IRI an object replies to, as text; null if it replies to nothing (what the object store indexes). */
    public static String inReplyTo(JsonNode object) {
        return uri(object.get("inReplyTo")).map(Object::toString).orElse(null);
    }

    /** The first type of an object ("type" may be an array). */
    public static Optional<String> firstType(JsonNode n) {
        if (n == null) return Optional.empty();
        JsonNode t = n.get("type");
        if (t == null) return Optional.empty();
        if (t.isArray()) return t.isEmpty() ? Optional.empty() : text(t.get(0));
        return text(t);
    }

    /** A property as a list: absent → empty, single value → one element. */
    public static List<JsonNode> each(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(out::add);
        else out.add(n);
        return out;
    }

    /** All IRIs in an addressing property (to/cc/bto/bcc/audience). */
    public static List<String> addresses(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(n)) {
            if (e.isTextual()) out.add(e.asText());
            else if (e.isObject() && e.get("id") != null) out.add(e.get("id").asText());
        }
        return out;
    }

    /** True if addressed to the public collection in any of its spellings. */
    public static boolean isPublic(JsonNode activityOrObject) {
        for (String field : List.of("to", "cc", "audience")) {
            for (String a : addresses(activityOrObject.get(field))) {
                if (a.equals(Contexts.PUBLIC) || a.equals("as:Public") || a.equals("Public")) return true;
            }
        }
        return false;
    }
}
