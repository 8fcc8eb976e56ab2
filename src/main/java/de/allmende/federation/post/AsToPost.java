package de.allmende.federation.post;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.federation.json.Json;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ActivityStreams object → the typed {@link Post}, the same for every sender (Mastodon, GoToSocial,
 * Misskey, Pleroma, Mobilizon, Lemmy, Allmende). Read once where the object enters; whatever this does not
 * model stays in the raw JSON. Objects that are no post (actors, collections, tombstones) give empty.
 */
public final class AsToPost {
    private static final Map<String, PostKind> KINDS = Map.of("Note", PostKind.NOTE, "Article", PostKind.ARTICLE,
            "Page", PostKind.PAGE, "Question", PostKind.QUESTION, "Event", PostKind.EVENT);
    private static final Set<String> PUBLIC_SPELLINGS = Set.of(Audience.PUBLIC.toString(), "as:Public", "Public");

    private AsToPost() {}

    /**
     * @param authorFollowers the author's followers collection, as its actor document names it (decides
     *                        followers-only visibility); empty if unknown
     */
    public static Optional<Post> convert(JsonNode object, Optional<URI> authorFollowers, Origin origin) {
        Optional<URI> iri = Json.uri(object.get("id"));
        Optional<URI> author = Json.uri(object.get("attributedTo")).or(() -> Json.uri(object.get("actor")));
        Optional<PostKind> kind = kind(object);
        Optional<Instant> published = instant(object.get("published"));
        if (iri.isEmpty() || author.isEmpty() || kind.isEmpty()) return Optional.empty();
        Audience audience = new Audience(addresses(object.get("to")), addresses(object.get("cc")));
        try {
            return Optional.of(new Post(iri.get(), author.get(), kind.get(), audience,
                    audience.visibility(authorFollowers.orElse(null)),
                    Json.uri(object.get("inReplyTo")), Json.uri(object.get("context")).or(() -> Json.uri(object.get("conversation"))), Optional.empty(),
                    languageMap(object, "name"), languageMap(object, "summary"), languageMap(object, "content"),
                    object.path("sensitive").asBoolean(false), hashtags(object), mentions(object), attachments(object),
                    kind.get() == PostKind.EVENT ? EventFactsFromAs.read(object) : Optional.empty(),
                    published.orElse(Instant.EPOCH), instant(object.get("updated")), Json.uri(object.get("url")), origin));
        } catch (IllegalArgumentException e) { // an event without a start, an end before its start
            return Optional.empty();
        }
    }

    private static Optional<PostKind> kind(JsonNode object) {
        Optional<PostKind> municipal = Json.text(object.get("kind")).flatMap(ContentKind::byCode).map(ContentKind::postKind);
        return municipal.or(() -> Json.firstType(object).map(KINDS::get));
    }


    /**
     * {@code xMap} if the sender gave one, else {@code x} in the object's {@code inLanguage} (schema.org, as
     * Mobilizon sends it), else in an undetermined language.
     */
    private static LanguageMap languageMap(JsonNode object, String term) {
        JsonNode map = object.get(term + "Map");
        if (map != null && map.isObject() && !map.isEmpty()) {
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            map.properties().forEach(e -> Json.text(e.getValue()).ifPresent(t -> texts.put(e.getKey(), t)));
            if (!texts.isEmpty()) return new LanguageMap(texts);
        }
        String lang = Json.text(object.get("inLanguage")).filter(l -> l.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"))
                .orElse(LanguageMap.UNDETERMINED);
        return Json.text(object.get(term)).map(t -> LanguageMap.of(lang, t)).orElse(LanguageMap.EMPTY);
    }

    static Set<URI> addresses(JsonNode field) {
        Set<URI> out = new LinkedHashSet<>();
        for (String a : Json.addresses(field)) {
            if (PUBLIC_SPELLINGS.contains(a)) out.add(Audience.PUBLIC);
            else Json.uri(Json.MAPPER.getNodeFactory().textNode(a)).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> hashtags(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : Json.each(object.get("tag"))) {
            if (!"Hashtag".equals(t.path("type").asText())) continue;
            String name = t.path("name").asText().replaceFirst("^#", "");
            if (!name.isBlank()) out.add(name);
        }
        return out;
    }

    private static List<URI> mentions(JsonNode object) {
        List<URI> out = new ArrayList<>();
        for (JsonNode t : Json.each(object.get("tag"))) {
            if ("Mention".equals(t.path("type").asText())) Json.uri(t.get("href")).ifPresent(out::add);
        }
        return out;
    }

    private static List<MediaAttachment> attachments(JsonNode object) {
        List<MediaAttachment> out = new ArrayList<>();
        for (JsonNode a : Json.each(object.get("attachment"))) {
            Optional<URI> url = Json.uri(a.get("url"));
            if (url.isEmpty() || a.path("type").asText().equals("PropertyValue")) continue;
            out.add(new MediaAttachment(url.get(), Json.text(a.get("mediaType")).orElse("application/octet-stream"),
                    Json.text(a.get("name")), Optional.empty(), visual(a)));
        }
        return out;
    }

    /** Mastodon's extras on an attachment: width, height, {@code blurhash}, {@code focalPoint} [x, y]. */
    private static MediaAttachment.Visual visual(JsonNode a) {
        Optional<de.allmende.domain.Focus> focus = Optional.empty();
        JsonNode point = a.get("focalPoint");
        if (point != null && point.isArray() && point.size() == 2 && point.get(0).isNumber() && point.get(1).isNumber()) {
            try {
                focus = Optional.of(new de.allmende.domain.Focus(point.get(0).asDouble(), point.get(1).asDouble()));
            } catch (IllegalArgumentException outside) { // outside -1..1: no focus
            }
        }
        Optional<String> blurhash = Json.text(a.get("blurhash")).filter(h -> h.length() <= 100 && h.matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]+"));
        return new MediaAttachment.Visual(size(a.get("width")), size(a.get("height")), blurhash, focus, Optional.empty(), 0, 0);
    }

    private static int size(JsonNode n) {
        return n != null && n.canConvertToInt() && n.asInt() > 0 ? n.asInt() : 0;
    }

    static Optional<Instant> instant(JsonNode n) {
        try {
            return Json.text(n).map(s -> java.time.OffsetDateTime.parse(s).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
