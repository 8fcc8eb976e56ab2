package de.allmende.domain.post;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One post the node knows, local or remote: a note, an article, an event or a piece of municipal content.
 * Remote objects are converted into this where they enter; what it does not model stays in the raw JSON.
 *
 * @param iri          the post's ActivityPub id
 * @param author       the author's actor IRI
 * @param audience     to/cc as addressed; {@code visibility} is derived from it where the post entered
 * @param inReplyTo    the post this answers, if any
 * @param conversation the thread it belongs to ({@code context} or Mastodon's {@code conversation}), if named
 * @param reblogOf     for a boost (kind {@link PostKind#BOOST}, and only then), the IRI of the boosted post
 * @param name         the title (articles, events, municipal content); empty for notes
 * @param summary      the content warning of a note, or the summary of an article
 * @param content      the body as HTML, per language
 * @param hashtags     without '#', in the sender's spelling
 * @param mentions     actor IRIs of the people mentioned
 * @param event        when and where, for events
 * @param url          the page for people, if not the iri
 */
public record Post(URI iri, URI author, PostKind kind, Audience audience, Visibility visibility,
                   Optional<URI> inReplyTo, Optional<URI> conversation, Optional<URI> reblogOf,
                   LanguageMap name, LanguageMap summary, LanguageMap content, boolean sensitive,
                   List<String> hashtags, List<URI> mentions, List<MediaAttachment> attachments,
                   Optional<EventFacts> event, Instant published, Optional<Instant> updated, Optional<URI> url,
                   Origin origin) {
    public Post {
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
        if (kind == PostKind.EVENT && event.isEmpty()) throw new IllegalArgumentException("an event needs its start");
        if ((kind == PostKind.BOOST) != reblogOf.isPresent()) throw new IllegalArgumentException("a boost, and only a boost, names a boosted post");
    }

    /** A note written on this node: no title, no attachments yet, its page is its IRI. */
    public static Post note(URI iri, URI author, Audience audience, Visibility visibility, Optional<URI> inReplyTo,
                            LanguageMap summary, LanguageMap content, boolean sensitive, List<String> hashtags, List<URI> mentions,
                            Instant published) {
        return new Post(iri, author, PostKind.NOTE, audience, visibility, inReplyTo, Optional.empty(), Optional.empty(),
                LanguageMap.EMPTY, summary, content, sensitive, hashtags, mentions, List.of(), Optional.empty(), published,
                Optional.empty(), Optional.empty(), Origin.LOCAL);
    }

    /** This post with new words (an edit at {@code at}); its id, author, kind, thread and publication stay. */
    /** The same post asking a question (a poll): a Question, as Mastodon federates a status with a poll. */
    public Post asQuestion() {
        return new Post(iri, author, PostKind.QUESTION, audience, visibility, inReplyTo, conversation, reblogOf, name, summary, content,
                sensitive, hashtags, mentions, attachments, event, published, updated, url, origin);
    }

    /** The same post showing these files. */
    public Post withAttachments(List<MediaAttachment> files) {
        return new Post(iri, author, kind, audience, visibility, inReplyTo, conversation, reblogOf, name, summary, content, sensitive,
                hashtags, mentions, files, event, published, updated, url, origin);
    }

    public Post edited(Audience audience, LanguageMap summary, LanguageMap content, boolean sensitive, List<String> hashtags,
                       List<URI> mentions, Instant at) {
        return new Post(iri, author, kind, audience, visibility, inReplyTo, conversation, reblogOf, name, summary, content, sensitive,
                hashtags, mentions, attachments, event, published, Optional.of(at), url, origin);
    }
}
