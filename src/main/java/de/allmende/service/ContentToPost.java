package de.allmende.service;

import de.allmende.content.Attachment;
import de.allmende.content.Common;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.content.Event;
import de.allmende.content.Localized;
import de.allmende.content.Markdown;
import de.allmende.content.ProjectUpdate;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Municipal content written here → the typed {@link Post} every reader of posts sees (timelines, search, the
 * calendar): public, its title as name, its Markdown as HTML per language, fields of action and free tags as
 * hashtags (as they travel), its images, and for events when and where.
 */
final class ContentToPost {
    private ContentToPost() {}

    static Post convert(Content c, URI followers) {
        Common common = c.details().common();
        return new Post(c.iri(), c.author(), c.kind().postKind(), Audience.forVisibility(Visibility.PUBLIC, followers, List.of()),
                Visibility.PUBLIC, answers(c), Optional.empty(), Optional.empty(), languages(common.title()), languages(common.summary()),
                html(common.body()), false, List.copyOf(hashtags(common)), List.of(), images(common.images()),
                c.details() instanceof Event e ? Optional.of(facts(e)) : Optional.empty(),
                c.published(), c.updated().equals(c.published()) ? Optional.empty() : Optional.of(c.updated()), Optional.empty(),
                Origin.LOCAL);
    }

    /** An update answers its project (as its Note's {@code inReplyTo} says), so apps show it in the project's thread. */
    private static Optional<URI> answers(Content c) {
        return c.details() instanceof ProjectUpdate u ? Optional.of(u.project()) : Optional.empty();
    }

    private static EventFacts facts(Event e) {
        Optional<Event.Place> place = Optional.ofNullable(e.place());
        return new EventFacts(e.startsAt().toInstant(), Optional.of(e.endsAt().toInstant()), Optional.of(e.timeZone()),
                place.map(Event.Place::name), place.map(Event.Place::locality), Optional.ofNullable(e.onlineUrl()));
    }

    private static LanguageMap languages(Localized text) {
        if (text == null) return LanguageMap.EMPTY;
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("de", text.de());
        text.english().ifPresent(en -> texts.put("en", en));
        return new LanguageMap(texts);
    }

    private static LanguageMap html(Localized body) {
        if (body == null) return LanguageMap.EMPTY;
        Map<String, String> texts = new LinkedHashMap<>();
        languages(body).texts().forEach((lang, markdown) -> texts.put(lang, Markdown.toHtml(markdown)));
        return new LanguageMap(texts);
    }

    /** As on the wire: the fields of action first, then the free tags. */
    private static Set<String> hashtags(Common common) {
        Set<String> names = new LinkedHashSet<>();
        for (Handlungsfeld h : common.fieldsOfAction()) names.add(h.hashtag());
        names.addAll(common.tags());
        return names;
    }

    private static List<MediaAttachment> images(List<Attachment> images) {
        return images.stream().map(a -> new MediaAttachment(a.url(), a.mediaType(), Optional.ofNullable(a.name()))).toList();
    }
}
