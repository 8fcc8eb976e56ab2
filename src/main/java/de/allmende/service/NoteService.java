package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.service.media.PostMedia;
import de.allmende.store.EventStore;
import de.allmende.store.MediaStore;
import de.allmende.store.ObjectStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Short public posts (Notes) of a local actor, e.g. from the command line: post, edit, delete. Each change records
 * what happened, publishes (the outbound adapter converts and queues it) and saves the typed post, in one transaction.
 */
public final class NoteService {
    /** The ActivityStreams type a note has (named in the post events, as for received posts). */
    private static final String NOTE = "Note";

    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final LocalPosts posts;
    private final ObjectStore objects = new ObjectStore();
    private final EventStore events = new EventStore();
    private final PostMedia media;

    public NoteService(Database db, LocalIris iris, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.posts = new LocalPosts(iris);
        this.media = new PostMedia(new MediaStore(iris::media));
    }

    /** Posts a public Note to the author's followers. Returns its IRI. */
    public URI publish(LocalActor author, String html) {
        return publish(author, html, List.of());
    }

    /**
     * Posts a public Note showing the author's uploaded files ({@code mediaIds} as apps send {@code media_ids[]}; 422
     * unless each is an unattached upload of the author, at most four). Returns its IRI.
     */
    public URI publish(LocalActor author, String html, List<String> mediaIds) {
        URI id = iris.newObject();
        db.dsl().transaction(cfg -> {
            List<MediaAttachment> attachments = media.attach(cfg.dsl(), author, mediaIds, id);
            events.record(cfg.dsl(), new PostCreated(iris.actor(author.handle()), id, NOTE));
            publisher.createNote(cfg.dsl(), author, id, html, attachments);
            posts.note(cfg.dsl(), author, id, html, attachments, Instant.now(), Optional.empty());
        });
        return id;
    }

    /** New text for one of the author's Notes (404 if it is not theirs, 410 if it was deleted). */
    public void edit(LocalActor author, URI note, String html) {
        db.dsl().transaction(cfg -> {
            ownNote(cfg.dsl(), author, note);
            events.record(cfg.dsl(), new PostEdited(iris.actor(author.handle()), note, NOTE));
            publisher.updateNote(cfg.dsl(), author, note, html);
            Instant now = Instant.now();
            posts.note(cfg.dsl(), author, note, html, posts.publishedOf(cfg.dsl(), note).orElse(now), Optional.of(now));
        });
    }

    /** Deletes one of the author's Notes: a Tombstone stays (410 Gone). */
    public void delete(LocalActor author, URI note) {
        db.dsl().transaction(cfg -> {
            ownNote(cfg.dsl(), author, note);
            events.record(cfg.dsl(), new PostDeleted(iris.actor(author.handle()), note));
            publisher.delete(cfg.dsl(), author, note);
            posts.deleted(cfg.dsl(), note, Instant.now());
        });
    }

    /** 404 unless the note is the author's, 410 if it was deleted. */
    private void ownNote(DSLContext tx, LocalActor author, URI note) {
        var stored = objects.find(tx, note.toString()).filter(o -> o.localActorId().orElse(-1L) == author.id())
                .orElseThrow(() -> ApiException.notFound("no such object of " + author.handle()));
        if (stored.deleted().isPresent()) throw ApiException.gone("the object was deleted");
    }
}
