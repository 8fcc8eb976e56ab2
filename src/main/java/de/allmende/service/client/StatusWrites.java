package de.allmende.service.client;

import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.NewPoll;
import de.allmende.domain.client.NewStatus;
import de.allmende.domain.post.PollFacts;
import de.allmende.domain.client.Poster;
import de.allmende.domain.client.StatusChange;
import de.allmende.domain.client.StatusRevision;
import de.allmende.domain.client.StatusSource;
import de.allmende.domain.client.StatusText;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.service.ContentService;
import de.allmende.service.NoteService;
import de.allmende.service.people.AuditTrail;
import de.allmende.service.port.LocalIris;
import de.allmende.store.ContentStore;
import de.allmende.store.PostStore;
import de.allmende.store.PostStore.StoredPost;
import de.allmende.store.TimelineStore;
import de.allmende.store.client.IdempotencyStore;
import de.allmende.store.client.StatusSourceStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What apps write (issue 10, the write path): statuses posted, edited and deleted by a person acting as a municipality.
 * A status is a Note published through {@link NoteService} — addressed and delivered as Mastodon does for its
 * visibility — or, posted publicly as a reply to the municipality's own project, a project update of that project
 * ({@link ContentService}). Each change keeps what the person typed (for edit forms and delete-and-redraft), the
 * versions of an edited status, and names the person in the audit trail, in the change's own transaction.
 */
public final class StatusWrites {
    private static final String NOT_FOUND = "Record not found";
    private static final String AUDITED = "status";

    private final Database db;
    private final LocalIris iris;
    private final NoteService notes;
    private final ContentService content;
    private final AuditTrail audit;
    private final StatusReads reads;
    private final StatusComposer composer;
    private final PostStore posts = new PostStore();
    private final TimelineStore timelines = new TimelineStore();
    private final StatusSourceStore sources = new StatusSourceStore();
    private final IdempotencyStore keys = new IdempotencyStore();

    public StatusWrites(Database db, LocalIris iris, String localHost, NoteService notes, ContentService content, AuditTrail audit,
                        StatusReads reads) {
        this.db = db;
        this.iris = iris;
        this.notes = notes;
        this.content = content;
        this.audit = audit;
        this.reads = reads;
        this.composer = new StatusComposer(iris, localHost);
    }

    /**
     * Posts a status. With an idempotency key the same token gets the status its first request with that key made
     * (within an hour), and no second post. 404 if the status it answers is not one the poster may see.
     */
    public StatusView create(Poster who, NewStatus s, Optional<String> idempotencyKey) {
        long id = db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (idempotencyKey.isPresent()
                    && keys.claim(tx, who.tokenId(), idempotencyKey.get()) instanceof IdempotencyStore.Claim.Earlier earlier) {
                return earlier.postId();
            }
            long postId = publish(tx, who, s);
            idempotencyKey.ifPresent(k -> keys.complete(tx, who.tokenId(), k, postId));
            return postId;
        });
        return reads.status(who.viewer(), id);
    }

    private long publish(DSLContext tx, Poster who, NewStatus s) {
        Optional<Post> parent = s.inReplyToId().map(id -> visibleParent(tx, who, id));
        StatusComposer.Composed c = composer.compose(tx, s.words(), !s.mediaIds().isEmpty());
        LocalActor municipality = who.municipality();
        URI me = iris.actor(municipality.handle());
        long id;
        if (parent.isPresent() && becomesProjectUpdate(parent.get(), me, s)) {
            Content update = content.createUpdate(tx, municipality, parent.get().iri(), s.words().text(), c.formatted().hashtags());
            id = posts.idOf(tx, update.iri()).orElseThrow();
        } else {
            List<URI> addressed = addressed(c.mentioned(), parent.map(Post::author), me);
            URI iri = iris.newObject();
            Post note = Post.note(iri, me, Audience.forVisibility(s.visibility(), iris.followers(municipality.handle()), addressed),
                    s.visibility(), parent.map(Post::iri), c.summary(), c.content(), c.sensitive(), c.formatted().hashtags(),
                    c.mentioned(), java.time.Instant.now());
            if (s.poll().isPresent()) {
                id = notes.publishQuestion(tx, municipality, note, opened(s.poll().get(), note.published()));
            } else {
                id = notes.publish(tx, municipality, note.withAttachments(notes.attachments(tx, municipality, s.mediaIds(), iri)));
            }
        }
        sources.save(tx, new StatusSource(id, s.words().text(), s.words().spoilerText()));
        audit.record(tx, who, AuditTrail.Action.CREATE, AUDITED, Long.toString(id));
        return id;
    }

    /**
     * A public reply without a content warning to the municipality's own project is a project update of it (issue 10,
     * point 4): the update is public like all municipal content, so a narrower reply stays a note (and one with uploads:
     * a project update's images come through the staff API).
     */
    private static boolean becomesProjectUpdate(Post parent, URI me, NewStatus s) {
        return parent.kind() == PostKind.PROJECT && parent.author().equals(me) && s.visibility() == Visibility.PUBLIC
                && s.words().spoilerText().isBlank() && s.mediaIds().isEmpty() && s.poll().isEmpty();
    }

    /** A poll that opens with its post: no votes yet, ending {@code expiresIn} after. */
    private static PollFacts opened(NewPoll p, java.time.Instant published) {
        return new PollFacts(p.multiple(), p.options().stream().map(o -> new PollFacts.Option(o, 0)).toList(),
                Optional.of(published.plus(p.expiresIn())), Optional.empty(), Optional.of(0));
    }

    /**
     * New words for one of the poster's statuses (Mastodon keeps its visibility and thread). People it newly mentions
     * are addressed too (nobody is taken off: they have it already). 404 unless it is the poster's own.
     */
    public StatusView edit(Poster who, long id, StatusChange change) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            StoredPost stored = own(tx, who, id);
            Post before = stored.post();
            StatusSource typed = sourceOf(tx, stored);
            StatusText words = new StatusText(change.text().orElse(typed.text()), change.spoilerText().orElse(typed.spoilerText()),
                    change.sensitive().orElse(before.sensitive()),
                    change.language().or(() -> before.content().texts().keySet().stream().findFirst()));
            List<String> shown = before.attachments().stream().flatMap(a -> a.mediaId().stream()).toList();
            if (change.mediaIds().isPresent() && !new java.util.HashSet<>(change.mediaIds().get()).equals(new java.util.HashSet<>(shown))) {
                throw ApiException.unprocessable("Changing a status's media attachments in an edit is not supported by this server yet");
            }
            StatusComposer.Composed c = composer.compose(tx, words, !shown.isEmpty());
            LocalActor municipality = who.municipality();
            if (sources.revisions(tx, id).isEmpty()) sources.addRevision(tx, id, revision(before));
            if (before.kind() == PostKind.PROJECT_UPDATE) {
                // An app knows only the text: an update written with the staff API (title, images, a new project status)
                // would lose the rest, and an update carries no content warning.
                if (sources.find(tx, id).isEmpty()) throw ApiException.unprocessable("This project update is edited through the staff API");
                if (!words.spoilerText().isBlank()) throw ApiException.unprocessable("A project update has no content warning");
                URI project = before.inReplyTo().orElseThrow(() -> ApiException.unprocessable("this update names no project"));
                contentId(before.iri()).ifPresent(uuid -> content.editUpdate(tx, municipality, uuid, project, words.text(),
                        c.formatted().hashtags()));
            } else if (before.kind() == PostKind.NOTE || before.kind() == PostKind.QUESTION) {
                List<URI> addressed = addressed(c.mentioned(), Optional.empty(), before.author());
                Audience widened = Audience.forVisibility(before.visibility(), iris.followers(municipality.handle()), addressed);
                Audience audience = new Audience(union(before.audience().to(), widened.to()), union(before.audience().cc(), widened.cc()));
                notes.edit(tx, municipality, before.edited(audience, c.summary(), c.content(), c.sensitive(), c.formatted().hashtags(),
                        c.mentioned(), NoteService.editTime(before)));
            } else {
                throw ApiException.unprocessable("Municipal content is edited through the staff API, not as a status");
            }
            sources.addRevision(tx, id, revision(posts.find(tx, id).orElseThrow().post()));
            sources.save(tx, new StatusSource(id, words.text(), words.spoilerText()));
            audit.record(tx, who, AuditTrail.Action.UPDATE, AUDITED, Long.toString(id));
        });
        return reads.status(who.viewer(), id);
    }

    /** A deleted status as it was, with what the person typed (Mastodon's delete and redraft). */
    public record Deleted(StatusView status, StatusSource source) {}

    /** Deletes one of the poster's statuses; the Delete goes where the status went. 404 unless it is the poster's own. */
    public Deleted delete(Poster who, long id) {
        StatusView view = reads.status(who.viewer(), id);
        StatusSource source = db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StoredPost stored = own(tx, who, id);
            StatusSource typed = sourceOf(tx, stored);
            if (stored.post().kind() == PostKind.NOTE || stored.post().kind() == PostKind.QUESTION) {
                notes.delete(tx, who.municipality(), stored.post().iri());
            } else if (stored.post().kind() == PostKind.PROJECT_UPDATE) {
                contentId(stored.post().iri()).ifPresent(uuid ->
                        content.delete(tx, who.municipality(), ContentKind.UPDATE, uuid));
            } else {
                throw ApiException.unprocessable("Municipal content is deleted through the staff API, not as a status");
            }
            audit.record(tx, who, AuditTrail.Action.DELETE, AUDITED, Long.toString(id));
            return typed;
        });
        return new Deleted(view, source);
    }

    /** What the person typed for one of the poster's statuses (Mastodon's StatusSource). */
    public StatusSource source(Poster who, long id) {
        DSLContext tx = db.dsl();
        return sourceOf(tx, own(tx, who, id));
    }

    /** The versions of a status and the account that wrote them. */
    public record History(AccountFacts account, List<StatusRevision> revisions) {}

    /** The versions of a status the viewer may see, oldest first: one, the current, if it was never edited here. */
    public History history(Poster who, long id) {
        StatusView view = reads.status(who.viewer(), id);
        List<StatusRevision> kept = sources.revisions(db.dsl(), id);
        return new History(view.account(), kept.isEmpty() ? List.of(revision(view.post())) : kept);
    }

    /** The status the reply answers, if the poster may see it (a boost answers for the boosted post). */
    private Post visibleParent(DSLContext tx, Poster who, long id) {
        if (!timelines.isVisible(tx, who.viewer(), id)) throw ApiException.notFound(NOT_FOUND);
        Post p = posts.find(tx, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND)).post();
        if (p.reblogOf().isEmpty()) return p;
        return posts.find(tx, p.reblogOf().get()).orElseThrow(() -> ApiException.notFound(NOT_FOUND)).post();
    }

    /** One of the poster's own live statuses; another's (another municipality's too) is not found, as in Mastodon. */
    private StoredPost own(DSLContext tx, Poster who, long id) {
        return posts.find(tx, id).filter(p -> p.authorId() == who.viewer().accountId() && p.deleted().isEmpty())
                .filter(p -> p.post().reblogOf().isEmpty()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** The typed source, or for a status written elsewhere (the command line) its text without markup. */
    private StatusSource sourceOf(DSLContext tx, StoredPost p) {
        return sources.find(tx, p.id()).orElseGet(() -> new StatusSource(p.id(),
                StatusComposer.plain(p.post().content().preferred(NoteService.GERMAN).orElse("")),
                StatusComposer.plain(p.post().summary().preferred(NoteService.GERMAN).orElse(""))));
    }

    private static StatusRevision revision(Post p) {
        return new StatusRevision(p.content().preferred(NoteService.GERMAN).orElse(""),
                StatusComposer.plain(p.summary().preferred(NoteService.GERMAN).orElse("")), p.sensitive(),
                p.updated().orElse(p.published()));
    }

    /** Whom a note goes to beyond its visibility's audience: the people it mentions and the author it answers, not its own. */
    private static List<URI> addressed(List<URI> mentioned, Optional<URI> answered, URI me) {
        Set<URI> out = new LinkedHashSet<>();
        answered.ifPresent(out::add);
        out.addAll(mentioned);
        out.remove(me);
        return List.copyOf(out);
    }

    private static Set<URI> union(Set<URI> a, Set<URI> b) {
        Set<URI> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The content id of a local project update, by its IRI. */
    private Optional<UUID> contentId(URI iri) {
        return content.findByIri(iri).filter(s -> s.deleted().isEmpty()).map(ContentStore.StoredContent::id);
    }
}
