package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.support.Html;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Mastodon makes of a received object, by the rules in shared/reference interop.md §1.6 and
 * domain.md §1.4 (ActivityPub::Activity's supported and converted types, StatusParser, Create's
 * origin check):
 * <ul>
 *   <li>only Note and Question are statuses; Image, Audio, Video, Article, Page and Event are
 *       converted; any other type is dropped;</li>
 *   <li>the object id must be on the host of its actor, or the Create is dropped;</li>
 *   <li>a Note shows {@code content} (else the first {@code contentMap} value) and its
 *       {@code summary} becomes a content warning;</li>
 *   <li>a converted type shows {@code <h2>name</h2>}, the summary and the linkified url (or id),
 *       its content is ignored and the summary is no content warning;</li>
 *   <li>the language is the first key of contentMap, else nameMap, else summaryMap;</li>
 *   <li>Public in {@code to} is public, in {@code cc} unlisted; hashtags come from {@code tag};
 *       image/video/audio attachments become media, other files links.</li>
 * </ul>
 */
public record MastodonView(String visibility, Optional<String> language, String spoilerText, String html,
                           List<String> hashtags, List<String> media, List<String> fileLinks, boolean reply) {
    private static final Set<String> SUPPORTED = Set.of("Note", "Question");
    private static final Set<String> CONVERTED = Set.of("Image", "Audio", "Video", "Article", "Page", "Event");
    private static final Set<String> PUBLIC = Set.of("https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public");

    /** @throws AssertionError if Mastodon would drop the object, saying why */
    public static MastodonView of(JsonNode o) {
        String type = o.path("type").asText();
        if (!SUPPORTED.contains(type) && !CONVERTED.contains(type)) throw new AssertionError("Mastodon drops a " + type);
        String idHost = URI.create(o.path("id").asText()).getHost();
        String actorHost = URI.create(o.path("attributedTo").asText()).getHost();
        if (idHost == null || !idHost.equals(actorHost)) throw new AssertionError("Mastodon drops an object not on its actor's host");
        boolean converted = CONVERTED.contains(type);
        String html;
        String spoiler;
        if (converted) {
            String url = text(o, "url").orElse(o.path("id").asText());
            html = "<h2>" + Html.escape(text(o, "name").orElse("")) + "</h2>\n\n"
                    + Html.paragraphs(text(o, "summary").orElse("")) + "\n\n"
                    + "<p><a href=\"" + Html.escape(url) + "\">" + Html.escape(url) + "</a></p>";
            spoiler = "";
        } else {
            html = text(o, "content").orElse("");
            spoiler = text(o, "summary").orElse("");
        }
        return new MastodonView(visibility(o), language(o), spoiler, html, hashtags(o), attachments(o, true),
                attachments(o, false), o.hasNonNull("inReplyTo"));
    }

    /** The status as a reader sees it: blocks become spaces, inline tags vanish, entities decoded, whitespace folded. */
    public String text() {
        return html.replaceAll("</?(p|h[1-6]|br|ul|ol|li|blockquote|pre)\\b[^>]*>", " ").replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    /** A property, else the first value of its language map (as StatusParser reads text, title, spoiler). */
    private static Optional<String> text(JsonNode o, String property) {
        if (o.path(property).isTextual() && !o.get(property).asText().isEmpty()) return Optional.of(o.get(property).asText());
        JsonNode map = o.path(property + "Map");
        if (map.isObject() && !map.isEmpty()) return Optional.of(map.elements().next().asText());
        return Optional.empty();
    }

    private static Optional<String> language(JsonNode o) {
        for (String map : List.of("contentMap", "nameMap", "summaryMap")) {
            if (o.path(map).isObject() && !o.get(map).isEmpty()) return Optional.of(o.get(map).fieldNames().next());
        }
        return Optional.empty();
    }

    private static String visibility(JsonNode o) {
        if (addressed(o.path("to"))) return "public";
        if (addressed(o.path("cc"))) return "unlisted";
        return "private or direct";
    }

    private static boolean addressed(JsonNode audience) {
        if (audience.isTextual()) return PUBLIC.contains(audience.asText());
        for (JsonNode a : audience) if (PUBLIC.contains(a.isObject() ? a.path("id").asText() : a.asText())) return true;
        return false;
    }

    private static List<String> hashtags(JsonNode o) {
        List<String> tags = new ArrayList<>();
        for (JsonNode t : o.path("tag")) {
            if (t.path("type").asText().equals("Hashtag")) tags.add(t.path("name").asText().replaceFirst("^#", ""));
        }
        return tags;
    }

    private static List<String> attachments(JsonNode o, boolean media) {
        List<String> urls = new ArrayList<>();
        JsonNode list = o.path("attachment");
        for (JsonNode a : list.isArray() ? list : List.of(list)) {
            if (!a.isObject()) continue;
            String mediaType = a.path("mediaType").asText();
            boolean isMedia = mediaType.startsWith("image/") || mediaType.startsWith("video/") || mediaType.startsWith("audio/");
            if (isMedia == media) urls.add(a.path("url").asText());
        }
        return urls;
    }
}
