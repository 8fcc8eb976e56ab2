package de.allmende.service;

import de.allmende.content.Content;
import de.allmende.domain.LocalActor;
import de.allmende.domain.post.Post;
import de.allmende.service.port.LocalIris;
import de.allmende.store.ObjectStore;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
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

    /** A note written here, new or edited (an edit keeps the post's id); returns its id. */
    long note(DSLContext tx, LocalActor author, Post note) {
        return save(tx, author, note);
    }

    /** Municipal content, new or edited (an edit keeps the post's id). */
    void content(DSLContext tx, LocalActor author, Content c) {
        save(tx, author, ContentToPost.convert(c, iris.followers(author.handle())));
    }

    void deleted(DSLContext tx, URI iri, Instant when) {
        posts.markDeleted(tx, iri, when);
    }

    /** The stored post with this IRI, if there is one. */
    Optional<Post> find(DSLContext tx, URI iri) {
        return posts.find(tx, iri).map(PostStore.StoredPost::post);
    }

    private long save(DSLContext tx, LocalActor author, Post p) {
        Optional<Long> objectRow = objects.find(tx, p.iri().toString()).map(ObjectStore.StoredObject::id);
        return posts.save(tx, p, posts.accountOfLocal(tx, author.id()), objectRow);
    }
}
