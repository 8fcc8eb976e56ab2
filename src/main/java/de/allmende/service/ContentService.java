package de.allmende.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.Attachment;
import de.allmende.content.Content;
import de.allmende.content.ContentDetails;
import de.allmende.content.ContentInput;
import de.allmende.content.ContentJson;
import de.allmende.content.ContentKind;
import de.allmende.content.Event;
import de.allmende.content.Lesson;
import de.allmende.content.Localized;
import de.allmende.content.MediaLookup;
import de.allmende.content.Project;
import de.allmende.content.ProjectUpdate;
import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ValidationException;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.ContentStore;
import de.allmende.store.EventStore;
import de.allmende.store.MediaStore;
import de.allmende.store.ContentStore.StoredContent;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating, editing and deleting municipal content. Each change writes the domain values, the signed
 * ActivityStreams object, the activity and its deliveries in one transaction, so a change is
 * either published to every follower or not made at all.
 */
public final class ContentService {
    private final Database db;
    private final LocalIris iris;
    private final Clock clock;
    private final Publisher publisher;
    private final LocalPosts posts;
    private final ContentStore store = new ContentStore();
    private final EventStore events = new EventStore();
    private final MediaStore media;

    public ContentService(Database db, LocalIris iris, Clock clock, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.clock = clock;
        this.publisher = publisher;
        this.posts = new LocalPosts(iris);
        this.media = new MediaStore(iris::media);
    }

    public Content create(LocalActor a, ContentKind kind, JsonNode input) {
        return db.dsl().transactionResult(cfg -> create(cfg.dsl(), a, kind, input));
    }

    /** Inside the caller's transaction: new content of {@code kind} from the staff API's JSON. */
    private Content create(DSLContext tx, LocalActor a, ContentKind kind, JsonNode input) {
        ContentDetails details = ContentInput.parse(kind, input, media(tx, a));
        checkProject(tx, details);
        UUID id = UUID.randomUUID();
        Instant now = now();
        Content c = new Content(Optional.of(id), iris.object(id.toString()), iris.actor(a.handle()), now, now, details);
        store.insert(tx, id, kind, a.id(), c.iri().toString(), ContentJson.details(details), index(c), now);
        events.record(tx, new PostCreated(c.author(), c.iri(), kind.asType()));
        publisher.createContent(tx, a, c);
        posts.content(tx, a, c);
        applyProjectStatus(tx, a, details, now);
        return c;
    }

    public Content update(LocalActor a, ContentKind kind, UUID id, JsonNode input) {
        return db.dsl().transactionResult(cfg -> update(cfg.dsl(), a, kind, id, input));
    }

    /** Inside the caller's transaction: replaces content of {@code kind} by the staff API's JSON. */
    private Content update(DSLContext tx, LocalActor a, ContentKind kind, UUID id, JsonNode input) {
        StoredContent old = store.findForUpdate(tx, a.id(), kind, id).orElseThrow(() -> notFound(kind));
        if (old.deleted().isPresent()) throw ApiException.gone("this " + kind.code() + " was deleted");
        ContentDetails details = ContentInput.parse(kind, input, media(tx, a));
        checkProject(tx, details);
        Instant now = now();
        if (!now.isAfter(old.updated())) now = old.updated().plusSeconds(1); // 'updated' must move for Mastodon to apply the edit
        Content c = new Content(Optional.of(id), URI.create(old.iri()), iris.actor(a.handle()), old.published(), now, details);
        store.update(tx, id, ContentJson.details(details), index(c), now);
        events.record(tx, new PostEdited(c.author(), c.iri(), kind.asType()));
        publisher.updateContent(tx, a, c);
        posts.content(tx, a, c);
        applyProjectStatus(tx, a, details, now);
        return c;
    }

    public void delete(LocalActor a, ContentKind kind, UUID id) {
        db.dsl().transaction(cfg -> delete(cfg.dsl(), a, kind, id));
    }

    /** Inside the caller's transaction: deletes content (a Tombstone stays). */
    public void delete(DSLContext tx, LocalActor a, ContentKind kind, UUID id) {
        StoredContent old = store.findForUpdate(tx, a.id(), kind, id).orElseThrow(() -> notFound(kind));
        if (old.deleted().isPresent()) throw ApiException.gone("this " + kind.code() + " was deleted");
        Instant now = now();
        store.markDeleted(tx, id, now);
        events.record(tx, new PostDeleted(iris.actor(a.handle()), URI.create(old.iri())));
        publisher.delete(tx, a, URI.create(old.iri()));
        posts.deleted(tx, URI.create(old.iri()), now);
    }

    /**
     * Inside the caller's transaction: a project update of the municipality's own project, written as plain text in an
     * app (a reply to the project: issue 10, point 4). The text becomes the update's Markdown body, escaped so that it
     * reads as typed, its links as autolinks; its hashtags become the update's tags.
     */
    public Content createUpdate(DSLContext tx, LocalActor a, URI project, String plainText, List<String> hashtags) {
        return create(tx, a, ContentKind.UPDATE, updateInput(project, plainText, hashtags));
    }

    /** Inside the caller's transaction: new text for a project update written in an app. */
    public Content editUpdate(DSLContext tx, LocalActor a, UUID id, URI project, String plainText, List<String> hashtags) {
        return update(tx, a, ContentKind.UPDATE, id, updateInput(project, plainText, hashtags));
    }

    private static JsonNode updateInput(URI project, String plainText, List<String> hashtags) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("project", project.toString());
        json.putObject("body").put("de", de.allmende.content.Markdown.fromPlainText(plainText));
        var tags = json.putArray("tags");
        hashtags.stream().limit(20).forEach(tags::add);
        return json;
    }

    public Content get(LocalActor a, ContentKind kind, UUID id) {
        StoredContent s = store.find(db.dsl(), a.id(), kind, id).orElseThrow(() -> notFound(kind));
        if (s.deleted().isPresent()) throw ApiException.gone("this " + kind.code() + " was deleted");
        return toContent(s, a);
    }

    /** A page of a listing, newest first, and the cursor of the next page if there is one. */
    public record Page(List<Content> items, Optional<String> next) {}

    public Page list(LocalActor a, ContentKind kind, ContentStore.Filter filter, Optional<String> cursor, int limit) {
        ContentStore.Cursor after = cursor.map(ContentService::decodeCursor).orElse(null);
        List<StoredContent> rows = store.list(db.dsl(), a.id(), kind, filter, after, limit + 1);
        List<Content> items = rows.stream().limit(limit).map(s -> toContent(s, a)).toList();
        Optional<String> next = rows.size() > limit
                ? Optional.of(encodeCursor(rows.get(limit - 1))) : Optional.empty();
        return new Page(items, next);
    }

    /** The newest content of an actor, any kind or one kind (feeds, profile page). */
    public List<Content> recent(LocalActor a, ContentKind kindOrAll, int limit) {
        return store.list(db.dsl(), a.id(), kindOrAll, ContentStore.Filter.NONE, null, limit).stream()
                .map(s -> toContent(s, a)).toList();
    }

    /** Events of an actor starting in [from, to), in start order (calendar feed). */
    public List<Content> events(LocalActor a, Instant from, Instant to, int limit) {
        return store.events(db.dsl(), a.id(), from, to, limit).stream().map(s -> toContent(s, a)).toList();
    }

    /** Local content by its IRI, with its owner's handle resolved by the caller; empty if unknown. */
    public Optional<StoredContent> findByIri(URI iri) {
        return store.findByIri(db.dsl(), iri.toString());
    }

    /** The German title of local, not deleted content at this IRI (pages name related projects by title). */
    public Optional<String> titleOf(URI iri) {
        return findByIri(iri).filter(s -> s.deleted().isEmpty())
                .flatMap(s -> Optional.ofNullable(ContentInput.parse(s.kind(), s.data(), MediaLookup.NONE).common().title()))
                .map(Localized::de);
    }

    public Content toContent(StoredContent s, LocalActor owner) {
        ContentDetails details = ContentInput.parse(s.kind(), s.data(), MediaLookup.NONE);
        return new Content(Optional.of(s.id()), URI.create(s.iri()), iris.actor(owner.handle()), s.published(), s.updated(), details);
    }

    /** The municipality's own uploads only: another municipality's file id reads as unknown. */
    private MediaLookup media(DSLContext tx, LocalActor a) {
        return id -> media.findById(tx, id).filter(m -> m.actorId() == a.id())
                .map(m -> new Attachment(m.id(), m.url(), m.mediaType(), m.description().orElse(m.fileName())));
    }

    /** A local project reference must name an existing project; remote ones are taken as given. */
    private void checkProject(DSLContext tx, ContentDetails d) {
        URI project = projectOf(d);
        if (project == null || !iris.isLocal(project)) return;
        boolean exists = store.findByIri(tx, project.toString())
                .filter(p -> p.kind() == ContentKind.PROJECT && p.deleted().isEmpty()).isPresent();
        if (!exists) throw new ValidationException(List.of(new FieldError("project", "no project " + project + " on this node")));
    }

    /** An update that sets a new status moves its own municipality's project to it (and tells the followers). */
    private void applyProjectStatus(DSLContext tx, LocalActor a, ContentDetails d, Instant now) {
        if (!(d instanceof ProjectUpdate u) || u.newStatus() == null) return;
        Optional<StoredContent> target = store.findByIri(tx, u.project().toString())
                .filter(p -> p.actorId() == a.id() && p.kind() == ContentKind.PROJECT && p.deleted().isEmpty());
        if (target.isEmpty()) return;
        Content project = toContent(target.get(), a);
        Project p = (Project) project.details();
        if (p.status().equals(u.newStatus())) return;
        Project moved = new Project(p.common(), u.newStatus(), p.openness(), p.fundingProgramme(), p.partners(),
                p.councilDocuments(), p.contacts(), p.startDate(), p.endDate());
        Content c = new Content(project.id(), project.iri(), project.author(), project.published(), now, moved);
        store.update(tx, project.id().orElseThrow(), ContentJson.details(moved), index(c), now);
        events.record(tx, new PostEdited(c.author(), c.iri(), ContentKind.PROJECT.asType()));
        publisher.updateContent(tx, a, c);
        posts.content(tx, a, c);
    }

    private static URI projectOf(ContentDetails d) {
        return switch (d) {
            case ProjectUpdate u -> u.project();
            case Event e -> e.project();
            case Lesson l -> l.project();
            default -> null;
        };
    }

    private static ContentStore.Index index(Content c) {
        URI project = projectOf(c.details());
        Instant starts = c.details() instanceof Event e ? e.startsAt().toInstant() : null;
        return new ContentStore.Index(project == null ? null : project.toString(), starts);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ApiException notFound(ContentKind kind) {
        return ApiException.notFound("no such " + kind.code());
    }

    private static String encodeCursor(StoredContent s) {
        String raw = s.published().toString() + "|" + s.id();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ContentStore.Cursor decodeCursor(String cursor) {
        try {
            String raw = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new ContentStore.Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new ValidationException(List.of(new FieldError("cursor", "is not a cursor this API gave out")));
        }
    }

}
