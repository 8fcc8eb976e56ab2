package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Short public posts (Notes) of a local actor, e.g. from the command line: post, edit, delete. */
public final class NoteService {
    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final LocalPosts posts;

    public NoteService(Database db, LocalIris iris, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.posts = new LocalPosts(iris);
    }

    /** Posts a public Note to the author's followers. Returns its IRI. */
    public URI publish(LocalActor author, String html) {
        URI id = iris.newObject();
        db.dsl().transaction(cfg -> {
            publisher.createNote(cfg.dsl(), author, id, html);
            posts.note(cfg.dsl(), author, id, html, Instant.now(), Optional.empty());
        });
        return id;
    }

    /** New text for one of the author's Notes (404 if it is not theirs, 410 if it was deleted). */
    public void edit(LocalActor author, URI note, String html) {
        db.dsl().transaction(cfg -> {
            publisher.updateNote(cfg.dsl(), author, note, html);
            Instant now = Instant.now();
            posts.note(cfg.dsl(), author, note, html, posts.publishedOf(cfg.dsl(), note).orElse(now), Optional.of(now));
        });
    }

    /** Deletes one of the author's Notes: a Tombstone stays (410 Gone). */
    public void delete(LocalActor author, URI note) {
        db.dsl().transaction(cfg -> {
            publisher.delete(cfg.dsl(), author, note);
            posts.deleted(cfg.dsl(), note, Instant.now());
        });
    }
}
