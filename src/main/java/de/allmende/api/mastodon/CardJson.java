package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.service.client.StatusView;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Mastodon's PreviewCard entity (docs.joinmastodon.org/entities/PreviewCard) for statuses that stand for municipal
 * content — projects, events, lessons, working aids, local or received: apps show it under the status as they show a
 * linked article. Built from what the node holds (title, teaser, first image, the municipality), never by fetching
 * the page: the municipality is the provider and the author.
 */
final class CardJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<PostKind> MUNICIPAL = EnumSet.of(PostKind.PROJECT, PostKind.EVENT, PostKind.LESSON, PostKind.WORKING_AID);

    private final AccountJson accounts;

    CardJson(AccountJson accounts) {
        this.accounts = accounts;
    }

    /** The card of a status, if it stands for municipal content (a boost shows the card of what it boosts). */
    Optional<ObjectNode> card(StatusView v) {
        Post p = v.post();
        if (v.reblog().isPresent() || !MUNICIPAL.contains(p.kind())) return Optional.empty();
        ObjectNode o = F.objectNode();
        o.put("url", p.url().orElse(p.iri()).toString());
        o.put("title", StatusJson.plain(p.name().preferred("de").orElse("")));
        o.put("description", StatusJson.plain(p.summary().preferred("de").orElse("")));
        o.put("type", "link");
        String municipality = v.account().displayName().isBlank() ? v.account().acct() : v.account().displayName();
        String profile = accounts.url(v.account());
        o.put("author_name", municipality);
        o.put("author_url", profile);
        o.putArray("authors").addObject().put("name", municipality).put("url", profile).set("account", accounts.account(v.account()));
        o.put("provider_name", municipality);
        o.put("provider_url", profile);
        // A link card: no embed of its own (Mastodon's html and embed_url are for video and photo cards).
        o.put("html", "");
        o.put("embed_url", "");
        Optional<MediaAttachment> image = p.attachments().stream().filter(a -> a.mediaType() != null && a.mediaType().startsWith("image/"))
                .findFirst();
        o.put("width", image.map(i -> i.visual().width()).orElse(0));
        o.put("height", image.map(i -> i.visual().height()).orElse(0));
        if (image.isPresent()) {
            o.put("image", image.get().url().toString());
            image.get().description().ifPresentOrElse(d -> o.put("image_description", d), () -> o.put("image_description", ""));
            image.get().visual().blurhash().ifPresentOrElse(h -> o.put("blurhash", h), () -> o.putNull("blurhash"));
        } else {
            o.putNull("image");
            o.put("image_description", "");
            o.putNull("blurhash");
        }
        o.put("published_at", AccountJson.time(p.published()));
        return Optional.of(o);
    }
}
