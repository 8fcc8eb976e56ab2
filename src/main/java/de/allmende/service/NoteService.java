package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;

import java.net.URI;

/** Short public posts (Notes) of a local actor, e.g. from the command line: post, edit, delete. */
public final class NoteService {
    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;

    public NoteService(Database db, LocalIris iris, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
    }

    /** Posts a public Note to the author's followers. Returns its IRI. */
    public URI publish(LocalActor author, String html) {
        URI id = iris.newObject();
        db.dsl().transaction(cfg -> publisher.createNote(cfg.dsl(), author, id, html));
        return id;
    }

    /** New text for one of the author's Notes (404 if it is not theirs, 410 if it was deleted). */
    public void edit(LocalActor author, URI note, String html) {
        db.dsl().transaction(cfg -> publisher.updateNote(cfg.dsl(), author, note, html));
    }

    /** Deletes one of the author's Notes: a Tombstone stays (410 Gone). */
    public void delete(LocalActor author, URI note) {
        db.dsl().transaction(cfg -> publisher.delete(cfg.dsl(), author, note));
    }
}
