package de.allmende.service;

import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.service.port.LocalIris;
import de.allmende.store.ObjectStore;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The typed post of everything written here, saved in the transaction that publishes it, so local posts
 * stand in the same table, under the same kind of id, as the remote ones.
 */
final class LocalPosts {
    private final LocalIris iris;
    private final PostStore posts = new PostStore();
    private final ObjectStore objects = new ObjectStore();

    LocalPosts(LocalIris iris) {
        this.iris = iris;
    }

    /** A public note, as the outbound adapter publishes it: in German, as everything a municipality writes. */
    void note(DSLContext tx, LocalActor author, URI iri, String html, Instant published, Optional<Instant> updated) {
        note(tx, author, iri, html, List.of(), published, updated);
    }

    /** A public note showing uploaded files. */
    void note(DSLContext tx, LocalActor author, URI iri, String html, List<MediaAttachment> attachments, Instant published,
              Optional<Instant> updated) {
        Post p = new Post(iri, iris.actor(author.handle()), PostKind.NOTE,
                Audience.forVisibility(Visibility.PUBLIC, iris.followers(author.handle()), List.of()), Visibility.PUBLIC,
                Optional.empty(), Optional.empty(), Optional.empty(), LanguageMap.EMPTY, LanguageMap.EMPTY, LanguageMap.of("de", html),
                false, List.of(), List.of(), attachments, Optional.empty(), published, updated, Optional.empty(), Origin.LOCAL);
        save(tx, author, p);
    }

    /** Municipal content, new or edited (an edit keeps the post's id). */
    void content(DSLContext tx, LocalActor author, Content c) {
        save(tx, author, ContentToPost.convert(c, iris.followers(author.handle())));
    }

    void deleted(DSLContext tx, URI iri, Instant when) {
        posts.markDeleted(tx, iri, when);
    }

    /** The published time of a post stored here (an edit keeps it). */
    Optional<Instant> publishedOf(DSLContext tx, URI iri) {
        return posts.find(tx, iri).map(s -> s.post().published());
    }

    private void save(DSLContext tx, LocalActor author, Post p) {
        Optional<Long> objectRow = objects.find(tx, p.iri().toString()).map(ObjectStore.StoredObject::id);
        posts.save(tx, p, posts.accountOfLocal(tx, author.id()), objectRow);
    }
}
