package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Markdown;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.federation.iri.Iris;
import de.allmende.service.client.FilterMatcher;
import de.allmende.service.client.StatusView;
import de.allmende.support.Html;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mastodon's Status entity (docs.joinmastodon.org/entities/Status) from a post as one viewer sees it. Notes and
 * project updates show their words (sanitised); the other kinds — projects, events, lessons, working aids,
 * articles — show as Mastodon shows converted types: the title, the teaser and a link to the page.
 */
final class StatusJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final AccountJson accounts;
    private final Iris iris;
    private final CardJson cards;

    StatusJson(AccountJson accounts, Iris iris) {
        this.accounts = accounts;
        this.iris = iris;
        this.cards = new CardJson(accounts);
    }

    ArrayNode statuses(List<StatusView> views) {
        return statuses(views, Map.of());
    }

    /** Statuses with the filters each matched ({@code filtered}); those a {@code hide} filter matched are left out. */
    ArrayNode statuses(List<StatusView> views, Map<Long, List<FilterMatcher.Hit>> filtered) {
        ArrayNode a = F.arrayNode();
        for (StatusView v : views) {
            List<FilterMatcher.Hit> hits = filtered.getOrDefault(v.id(), List.of());
            if (hits.stream().noneMatch(FilterMatcher.Hit::hides)) a.add(status(v, hits));
        }
        return a;
    }

    ObjectNode status(StatusView v) {
        return status(v, List.of());
    }

    ObjectNode status(StatusView v, List<FilterMatcher.Hit> hits) {
        Post p = v.post();
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(v.id()));
        o.put("uri", p.iri().toString());
        o.put("url", p.url().orElse(p.iri()).toString());
        o.put("created_at", AccountJson.time(p.published()));
        o.set("account", accounts.account(v.account()));
        boolean converted = converted(p.kind());
        o.put("content", v.reblog().isPresent() ? "" : converted ? teaser(p) : MastodonHtml.sanitize(p.content().preferred("de").orElse("")));
        o.put("visibility", p.visibility().mastodonName());
        o.put("sensitive", p.sensitive());
        o.put("spoiler_text", converted ? "" : plain(p.summary().preferred("de").orElse("")));
        o.set("media_attachments", media(v));
        ArrayNode mentions = o.putArray("mentions");
        v.mentions().forEach(m -> mentions.add(accounts.mention(m)));
        ArrayNode tags = o.putArray("tags");
        p.hashtags().forEach(t -> tags.addObject().put("name", t.toLowerCase()).put("url", tagUrl(t.toLowerCase())));
        o.set("emojis", F.arrayNode());
        o.put("replies_count", v.counts().replies());
        o.put("reblogs_count", v.counts().reblogs());
        o.put("favourites_count", v.counts().favourites());
        putId(o, "in_reply_to_id", v.inReplyToId());
        putId(o, "in_reply_to_account_id", v.inReplyToAccountId());
        if (v.reblog().isPresent()) o.set("reblog", status(v.reblog().get()));
        else o.putNull("reblog");
        language(p).ifPresentOrElse(l -> o.put("language", l), () -> o.putNull("language"));
        o.putNull("application");
        if (v.poll().isPresent()) o.set("poll", PollJson.poll(v.poll().get()));
        else o.putNull("poll");
        cards.card(v).ifPresentOrElse(c -> o.set("card", c), () -> o.putNull("card"));
        if (p.updated().isPresent()) o.put("edited_at", AccountJson.time(p.updated().get()));
        else o.putNull("edited_at");
        // A boost answers for the boosted post, as Mastodon's reblog wrapper does.
        StatusView subject = v.reblog().orElse(v);
        o.put("favourited", subject.counts().favourited());
        o.put("reblogged", subject.counts().reblogged());
        o.put("muted", subject.counts().muted());
        o.put("bookmarked", subject.counts().bookmarked());
        o.put("pinned", subject.counts().pinned());
        o.set("filtered", FilterJson.results(hits));
        return o;
    }

    /** A hashtag's page on this node, as Mastodon links a tag. */
    String tagUrl(String name) {
        return iris.base().resolve("/tags/" + de.allmende.route.Encoding.segment(name)).toString();
    }

    /** Kinds apps cannot show in full: title, teaser and link, as Mastodon renders an Article or Event. */
    private static boolean converted(PostKind kind) {
        return kind != PostKind.NOTE && kind != PostKind.PROJECT_UPDATE && kind != PostKind.QUESTION && kind != PostKind.BOOST;
    }

    private static String teaser(Post p) {
        String url = p.url().orElse(p.iri()).toString();
        StringBuilder html = new StringBuilder();
        p.name().preferred("de").ifPresent(t -> html.append("<p><strong>").append(Html.escape(plain(t))).append("</strong></p>"));
        p.summary().preferred("de").ifPresent(s -> html.append(Markdown.sanitize(s.contains("<") ? s : Html.paragraphs(s))));
        html.append("<p><a href=\"").append(Html.escape(url)).append("\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">")
                .append(Html.escape(url)).append("</a></p>");
        return html.toString();
    }

    private ArrayNode media(StatusView v) {
        ArrayNode list = F.arrayNode();
        List<MediaAttachment> attachments = v.post().attachments();
        for (int i = 0; i < attachments.size(); i++) {
            // A local post's file answers under its upload id (apps edit posts by media_ids); a remote one's by position.
            list.add(MediaJson.attachment(attachments.get(i), v.id() + "-" + i));
        }
        return list;
    }

    /** The first language the post names (ISO 639-1 where it is one), none for undetermined. */
    private static Optional<String> language(Post p) {
        for (LanguageMap m : List.of(p.content(), p.name(), p.summary())) {
            Optional<String> tag = m.texts().keySet().stream().findFirst();
            if (tag.isPresent()) {
                String lang = tag.get().split("-")[0].toLowerCase();
                return lang.equals(LanguageMap.UNDETERMINED) || lang.length() != 2 ? Optional.empty() : Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** Text without its tags and entities, for fields Mastodon sends as plain text. */
    static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    private static void putId(ObjectNode o, String field, Optional<Long> id) {
        if (id.isPresent()) o.put(field, Long.toString(id.get()));
        else o.putNull(field);
    }
}
