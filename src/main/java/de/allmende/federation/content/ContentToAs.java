package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Attachment;
import de.allmende.content.Common;
import de.allmende.content.Content;
import de.allmende.content.Event;
import de.allmende.content.Lesson;
import de.allmende.content.Localized;
import de.allmende.content.Markdown;
import de.allmende.content.Project;
import de.allmende.content.ProjectUpdate;
import de.allmende.content.WorkingAid;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.PostText;
import de.allmende.federation.json.Contexts;
import de.allmende.support.Html;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Municipal content → the ActivityStreams object we publish. Every type is one Mastodon shows: the
 * converted types (Page, Article, Event) get a plain-text summary and a url, because Mastodon
 * shows only name, summary and link for them; updates are Notes, shown in full, without summary.
 */
public final class ContentToAs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContentToAs() {}

    /** @param followers the author's followers collection (cc) */
    public static ObjectNode convert(Content c, URI followers) {
        ObjectNode o = F.objectNode();
        o.set("@context", ContentContext.context());
        o.put("id", c.iri().toString());
        o.put("type", c.kind().asType());
        o.put("kind", c.kind().code());
        o.put("attributedTo", c.author().toString());
        o.put("url", c.iri().toString());
        o.put("published", seconds(c.published()));
        if (c.updated().isAfter(c.published())) o.put("updated", seconds(c.updated()));
        o.putArray("to").add(Contexts.PUBLIC);
        o.putArray("cc").add(followers.toString());
        Common common = c.details().common();
        // Updates keep their (optional) title as name too: Mastodon ignores name on Notes, others show it.
        localized(o, "name", common.title(), Function.identity());
        localized(o, "summary", common.summary(), Function.identity());
        vocab(o, "fieldOfAction", common.fieldsOfAction());
        tags(o, common);
        String bodyHtml = switch (c.details()) {
            case Project p -> ProjectAs.write(o, p);
            case ProjectUpdate u -> updateBody(o, u);
            case Event e -> EventAs.write(o, e);
            case Lesson l -> LessonAs.write(o, l);
            case WorkingAid a -> AidAs.write(o, a);
        };
        o.put("mediaType", "text/html");
        o.put("content", bodyHtml);
        if (common.body() != null) {
            ObjectNode source = o.putObject("source").put("mediaType", "text/markdown").put("content", common.body().de());
            localizedMap(source, "contentMap", common.body(), Function.identity());
        }
        attachments(o, common.images(), false);
        return o;
    }

    /** The words followers see of the content: the converted object's name, summary and HTML content. */
    public static PostText text(Content c, URI followers) {
        ObjectNode as = convert(c, followers);
        return new PostText(as.hasNonNull("name") ? as.get("name").asText() : null,
                as.hasNonNull("summary") ? as.get("summary").asText() : null, as.path("content").asText(""));
    }

    /**
     * The rendered body in both languages as content/contentMap (German first: Mastodon takes the
     * first key); {@code suffix} adds generated lines in the given language (true = German).
     */
    static String body(ObjectNode o, Localized markdown, Function<Boolean, String> suffix) {
        String de = (markdown == null ? "" : Markdown.toHtml(markdown.de())) + suffix.apply(true);
        if (markdown != null && markdown.en() != null) {
            o.putObject("contentMap").put("de", de).put("en", Markdown.toHtml(markdown.en()) + suffix.apply(false));
        } else {
            o.putObject("contentMap").put("de", de);
        }
        return de;
    }

    private static String updateBody(ObjectNode o, ProjectUpdate u) {
        o.put("context", u.project().toString());
        o.put("inReplyTo", u.project().toString());
        o.put("project", u.project().toString());
        Common common = u.common();
        String title = common.title() == null ? "" : "<p><strong>" + Html.escape(common.title().de()) + "</strong></p>";
        if (u.newStatus() != null) {
            o.put("projectStatus", u.newStatus().value().code());
            o.put("statusAsOf", u.newStatus().asOf().toString());
        }
        String de = title + Markdown.toHtml(common.body().de()) + ProjectAs.statusLine(u.newStatus(), true) + hashtagLinks(common);
        ObjectNode map = o.putObject("contentMap").put("de", de);
        common.body().english().ifPresent(en -> map.put("en",
                (common.title() == null || common.title().en() == null ? title : "<p><strong>" + Html.escape(common.title().en()) + "</strong></p>")
                        + Markdown.toHtml(en) + ProjectAs.statusLine(u.newStatus(), false) + hashtagLinks(common)));
        return de;
    }

    /** Hashtags for the fields of action and the free tags: Mastodon indexes them and links them. */
    private static void tags(ObjectNode o, Common common) {
        Set<String> names = hashtags(common);
        if (names.isEmpty()) return;
        ArrayNode tag = o.putArray("tag");
        for (String name : names) tag.addObject().put("type", "Hashtag").put("name", "#" + name);
    }

    static Set<String> hashtags(Common common) {
        Set<String> names = new LinkedHashSet<>();
        for (Handlungsfeld h : common.fieldsOfAction()) names.add(h.hashtag());
        names.addAll(common.tags());
        return names;
    }

    /** A Note shows its content, so its hashtags are written into it as Mastodon does. */
    static String hashtagLinks(Common common) {
        Set<String> names = hashtags(common);
        if (names.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<p>");
        for (String name : names) {
            if (sb.length() > 3) sb.append(' ');
            sb.append("<a class=\"mention hashtag\" rel=\"tag\">#<span>").append(Html.escape(name)).append("</span></a>");
        }
        return sb.append("</p>").toString();
    }

    /** Images become Image attachments (Mastodon shows them); {@code asDocuments} for the files of a working aid. */
    static void attachments(ObjectNode o, Collection<Attachment> attachments, boolean asDocuments) {
        for (Attachment a : attachments) {
            ObjectNode n = o.withArray("attachment").addObject();
            n.put("type", a.isImage() && !asDocuments ? "Image" : "Document");
            n.put("url", a.url().toString());
            n.put("mediaType", a.mediaType());
            if (a.name() != null) n.put("name", a.name());
        }
    }

    static <T> void localized(ObjectNode o, String field, Localized l, Function<String, String> render) {
        if (l == null) return;
        o.put(field, render.apply(l.de()));
        localizedMap(o, field + "Map", l, render);
    }

    static void localizedMap(ObjectNode o, String field, Localized l, Function<String, String> render) {
        ObjectNode map = o.putObject(field).put("de", render.apply(l.de()));
        l.english().ifPresent(en -> map.put("en", render.apply(en)));
    }

    static void vocab(ObjectNode o, String field, Collection<? extends Vocabulary> values) {
        if (values.isEmpty()) return;
        ArrayNode a = o.putArray(field);
        values.forEach(v -> a.add(v.code()));
    }

    static void uris(ObjectNode o, String field, List<URI> values) {
        if (values.isEmpty()) return;
        ArrayNode a = o.putArray(field);
        values.forEach(u -> a.add(u.toString()));
    }

    static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
