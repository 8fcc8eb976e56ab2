package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.PollFacts;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.Visibility;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Short posts (Notes) of a local actor — from the command line, and from Mastodon apps (any visibility, replies,
 * content warnings, mentions, hashtags): post, edit, delete. Each change records what happened, publishes (the
 * outbound adapter converts, addresses and queues it) and saves the typed post, in one transaction; the methods
 * that take a {@code tx} run inside the caller's, so a use case can write more in the same one.
 */
public final class NoteService {
    /** The ActivityStreams type a note has (named in the post events, as for received posts). */
    private static final String NOTE = "Note";
    /** What a municipality writes when it names no language. */
    public static final String GERMAN = "de";

    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final LocalPosts posts;
    private final ObjectStore objects = new ObjectStore();
    private final EventStore events = new EventStore();
    private final PostMedia media;
    private final LocalPolls polls;

    public NoteService(Database db, LocalIris iris, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.posts = new LocalPosts(iris);
        this.media = new PostMedia(new MediaStore(iris::media));
        this.polls = new LocalPolls(db, iris, publisher, java.time.Clock.systemUTC());
    }

    /** Posts a public Note in German to the author's followers. Returns its IRI. */
    public URI publish(LocalActor author, String html) {
        return publish(author, html, List.of());
    }

    /**
     * Posts a public Note showing the author's uploaded files ({@code mediaIds} as apps send {@code media_ids[]}; 422
     * unless each is an unattached upload of the author, at most four). Returns its IRI.
     */
    public URI publish(LocalActor author, String html, List<String> mediaIds) {
        URI id = iris.newObject();
        Post note = Post.note(id, iris.actor(author.handle()), Audience.forVisibility(Visibility.PUBLIC, iris.followers(author.handle()), List.of()),
                Visibility.PUBLIC, Optional.empty(), LanguageMap.EMPTY, LanguageMap.of(GERMAN, html), false, List.of(), List.of(), now());
        db.dsl().transaction(cfg -> publish(cfg.dsl(), author, note.withAttachments(attachments(cfg.dsl(), author, mediaIds, id))));
        return id;
    }

    /**
     * Inside the caller's transaction: takes the author's uploads {@code mediaIds} for the post {@code postIri} (422
     * unless each is the author's, not shown by another post, at most four; those it already shows may come again,
     * as an edit resends them). Put the result into the post before publishing it.
     */
    public List<MediaAttachment> attachments(DSLContext tx, LocalActor author, List<String> mediaIds, URI postIri) {
        return mediaIds.isEmpty() ? List.of() : media.attach(tx, author, mediaIds, postIri);
    }

    /**
     * Inside the caller's transaction: publishes a note written here (its IRI from {@link LocalIris#newObject}); local
     * accounts it mentions are told (a {@link Mentioned} event each). Returns the post's id.
     */
    public long publish(DSLContext tx, LocalActor author, Post note) {
        events.record(tx, new PostCreated(note.author(), note.iri(), NOTE));
        mentioned(tx, note, List.of());
        publisher.createNote(tx, author, note);
        return posts.note(tx, author, note);
    }

    /**
     * Inside the caller's transaction: publishes a note with a poll (a Question, its post of kind QUESTION); the poll
     * opens now and its end is scheduled. Returns the post's id.
     */
    public long publishQuestion(DSLContext tx, LocalActor author, Post note, PollFacts poll) {
        Post question = note.asQuestion();
        events.record(tx, new PostCreated(question.author(), question.iri(), "Question"));
        mentioned(tx, question, List.of());
        publisher.createQuestion(tx, author, question, poll);
        long id = posts.note(tx, author, question);
        polls.opened(tx, id, question.author(), question.iri(), poll);
        return id;
    }

    /** New text (HTML) for one of the author's Notes (404 if it is not theirs, 410 if it was deleted). */
    public void edit(LocalActor author, URI note, String html) {
        db.dsl().transaction(cfg -> {
            Post current = current(cfg.dsl(), author, note);
            LanguageMap content = LanguageMap.of(current.content().texts().keySet().stream().findFirst().orElse(GERMAN), html);
            edit(cfg.dsl(), author, current.edited(current.audience(), current.summary(), content, current.sensitive(),
                    current.hashtags(), current.mentions(), editTime(current)));
        });
    }

    /**
     * Inside the caller's transaction: replaces one of the author's Notes by {@code edited} (same IRI, {@code updated}
     * set). Local accounts it newly mentions are told.
     */
    public void edit(DSLContext tx, LocalActor author, Post edited) {
        Post before = current(tx, author, edited.iri());
        events.record(tx, new PostEdited(edited.author(), edited.iri(), NOTE));
        mentioned(tx, edited, before.mentions());
        publisher.updateNote(tx, author, edited);
        posts.note(tx, author, edited);
    }

    /** The note as stored, for an edit: 404 unless it is the author's, 410 if it was deleted. */
    public Post current(DSLContext tx, LocalActor author, URI note) {
        ownNote(tx, author, note);
        return posts.find(tx, note).orElseThrow(() -> ApiException.notFound("no such object of " + author.handle()));
    }

    /** When an edit made now takes effect: later than the last version, as Mastodon applies only newer ones. */
    public static Instant editTime(Post current) {
        Instant now = now();
        Instant last = current.updated().orElse(current.published());
        return now.isAfter(last) ? now : last.plusSeconds(1);
    }

    /** Deletes one of the author's Notes: a Tombstone stays (410 Gone). */
    public void delete(LocalActor author, URI note) {
        db.dsl().transaction(cfg -> delete(cfg.dsl(), author, note));
    }

    /** Inside the caller's transaction: deletes one of the author's Notes; the Delete goes where the note went. */
    public void delete(DSLContext tx, LocalActor author, URI note) {
        ownNote(tx, author, note);
        events.record(tx, new PostDeleted(iris.actor(author.handle()), note));
        publisher.delete(tx, author, note);
        posts.deleted(tx, note, Instant.now());
    }

    /** One event per local account the note names that was not named before (never the author). */
    private void mentioned(DSLContext tx, Post note, List<URI> before) {
        for (URI m : note.mentions()) {
            if (iris.isLocal(m) && !m.equals(note.author()) && !before.contains(m)) events.record(tx, new Mentioned(note.author(), note.iri(), m));
        }
    }

    /** 404 unless the note is the author's, 410 if it was deleted. */
    private void ownNote(DSLContext tx, LocalActor author, URI note) {
        var stored = objects.find(tx, note.toString()).filter(o -> o.localActorId().orElse(-1L) == author.id())
                .orElseThrow(() -> ApiException.notFound("no such object of " + author.handle()));
        if (stored.deleted().isPresent()) throw ApiException.gone("the object was deleted");
    }

    /** Whole seconds: the ActivityStreams documents carry them so, and an edit must be later than what they said. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
