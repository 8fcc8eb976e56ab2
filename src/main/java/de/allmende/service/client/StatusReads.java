package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountStore;
import de.allmende.store.CursorPages;
import de.allmende.store.PostMarkStore;
import de.allmende.store.PostStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.TimelineStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What client apps read of posts (issue 10, the read path): single statuses, threads, the home and public
 * timelines and an account's statuses, each only as far as the viewer may see it. A post the viewer may not
 * see is answered like one that does not exist (404), as Mastodon does.
 */
public final class StatusReads {
    /** How deep a thread is read upwards, and how many replies below, as Mastodon limits a context. */
    private static final int ANCESTORS = 40;
    private static final int DESCENDANTS = 200;
    private static final String NOT_FOUND = "Record not found";

    private final Database db;
    private final LocalIris iris;
    private final PostStore posts = new PostStore();
    private final TimelineStore timelines = new TimelineStore();
    private final AccountFactsStore accounts = new AccountFactsStore();
    private final AccountStore accountIds = new AccountStore();
    private final PostMarkStore marks = new PostMarkStore();
    private final ReactionStore reactions = new ReactionStore();
    private final de.allmende.store.PollStore polls = new de.allmende.store.PollStore();

    public StatusReads(Database db, LocalIris iris) {
        this.db = db;
        this.iris = iris;
    }

    public StatusView status(Viewer v, long id) {
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, id)) throw ApiException.notFound(NOT_FOUND);
        return new Hydration(tx, v).view(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** The thread around a post: what it answers (oldest first) and the replies below it, each as far as visible. */
    public record Context(List<StatusView> ancestors, List<StatusView> descendants) {}

    public Context context(Viewer v, long id) {
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, id)) throw ApiException.notFound(NOT_FOUND);
        List<Long> up = new ArrayList<>();
        Optional<Long> parent = timelines.links(tx, id).inReplyTo();
        while (parent.isPresent() && up.size() < ANCESTORS && !up.contains(parent.get())) {
            up.addFirst(parent.get());
            parent = timelines.links(tx, parent.get()).inReplyTo();
        }
        Hydration h = new Hydration(tx, v);
        return new Context(h.views(timelines.visibleOf(tx, v, up)),
                h.views(timelines.visibleOf(tx, v, timelines.descendants(tx, id, DESCENDANTS))));
    }

    public Page<StatusView> home(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        return Page.of(new Hydration(tx, v).views(timelines.home(tx, v, page)), StatusView::id);
    }

    public Page<StatusView> publicTimeline(Viewer v, PageRequest page, TimelineFilter filter) {
        DSLContext tx = db.dsl();
        return Page.of(new Hydration(tx, v).views(timelines.publicTimeline(tx, v, page, filter)), StatusView::id);
    }

    /** A list's timeline (the list already found among the viewer's own). */
    public Page<StatusView> listTimeline(Viewer v, de.allmende.domain.client.ClientList list, PageRequest page) {
        DSLContext tx = db.dsl();
        return Page.of(new Hydration(tx, v).views(timelines.list(tx, v, list, page)), StatusView::id);
    }

    /** A hashtag timeline: public posts the node holds with the tags asked for. */
    public Page<StatusView> tagTimeline(Viewer v, de.allmende.domain.client.TagQuery query, PageRequest page) {
        DSLContext tx = db.dsl();
        return Page.of(new Hydration(tx, v).views(timelines.tag(tx, query, page)), StatusView::id);
    }

    /** An account's statuses (404 for an unknown account); with {@code pinned}, the ones it pinned, newest pin first. */
    public Page<StatusView> byAccount(Viewer v, long accountId, PageRequest page, TimelineFilter filter, boolean pinned) {
        DSLContext tx = db.dsl();
        if (accounts.byId(tx, accountId).isEmpty()) throw ApiException.notFound(NOT_FOUND);
        if (pinned) {
            // Pins are few (the instance allows five) and come in one page, as Mastodon's do.
            boolean firstPage = page.maxId().isEmpty() && page.minId().isEmpty() && page.sinceId().isEmpty();
            List<Long> pins = firstPage ? marks.pinned(tx, accountId) : List.of();
            List<Long> visible = timelines.visibleOf(tx, v, pins);
            List<StatusView> views = new Hydration(tx, v).views(pins.stream().filter(visible::contains).toList());
            return new Page<>(views, Optional.empty(), Optional.empty());
        }
        return Page.of(new Hydration(tx, v).views(timelines.byAuthor(tx, v, accountId, page, filter)), StatusView::id);
    }

    /** The posts of these ids that the viewer may see, by id, read as one page (notifications, search). */
    public Map<Long, StatusView> visible(Viewer v, List<Long> ids) {
        DSLContext tx = db.dsl();
        Map<Long, StatusView> out = new HashMap<>();
        new Hydration(tx, v).views(timelines.visibleOf(tx, v, ids)).forEach(s -> out.put(s.id(), s));
        return out;
    }

    /** The posts the viewer bookmarked (newest bookmark first), as far as it may still see them; bookmark ids page. */
    public Page<StatusView> bookmarks(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        return marked(tx, v, marks.page(tx, PostMarkStore.Mark.BOOKMARK, v.accountId(), page));
    }

    /** The posts the viewer favourited (newest first), as far as it may still see them; favourite ids page. */
    public Page<StatusView> favourites(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        return marked(tx, v, reactions.likedPosts(tx, v.accountId(), page));
    }

    private Page<StatusView> marked(DSLContext tx, Viewer v, List<CursorPages.Listed<Long>> rows) {
        List<Long> visible = timelines.visibleOf(tx, v, rows.stream().map(CursorPages.Listed::listed).toList());
        List<StatusView> views = new Hydration(tx, v).views(rows.stream().map(CursorPages.Listed::listed).filter(visible::contains).toList());
        // The cursors are the rows', so a post no longer visible does not end the paging.
        return Page.cursors(views, rows);
    }

    /**
     * Views of several posts in one read: links, counts and authors are fetched for the whole page at once (the
     * boosted posts included), so a page costs a few queries plus one per post, not four per post.
     */
    private final class Hydration {
        private final DSLContext tx;
        private final Viewer viewer;
        private final Map<Long, Optional<AccountFacts>> known = new HashMap<>();
        private final Map<Long, TimelineStore.Links> links = new HashMap<>();
        private final Map<Long, TimelineStore.Counts> counts = new HashMap<>();
        private final Map<Long, Optional<PostStore.StoredPost>> stored = new HashMap<>();

        Hydration(DSLContext tx, Viewer viewer) {
            this.tx = tx;
            this.viewer = viewer;
        }

        List<StatusView> views(List<Long> ids) {
            prefetch(ids);
            List<StatusView> out = new ArrayList<>(ids.size());
            for (long id : ids) view(id).ifPresent(out::add);
            return out;
        }

        Optional<StatusView> view(long id) {
            if (!links.containsKey(id)) prefetch(List.of(id));
            Optional<PostStore.StoredPost> post = stored.get(id).filter(p -> p.deleted().isEmpty());
            if (post.isEmpty()) return Optional.empty();
            Optional<AccountFacts> author = account(post.get().authorId());
            if (author.isEmpty()) return Optional.empty();
            TimelineStore.Links l = links.get(id);
            Optional<StatusView> reblog = Optional.empty();
            if (l.reblogOf().isPresent()) {
                reblog = view(l.reblogOf().get());
                if (reblog.isEmpty()) return Optional.empty();
            }
            List<AccountFacts> mentioned = post.get().post().mentions().stream().map(this::mentioned).flatMap(Optional::stream).toList();
            return Optional.of(new StatusView(id, post.get().post(), author.get(), l.inReplyTo(), l.inReplyToAccount(),
                    reblog, mentioned, counts.getOrDefault(id, TimelineStore.Counts.NONE), poll(id, post.get().post())));
        }

        /** A Question's poll with the viewer's own choices: apps show "voted" from these. */
        private Optional<PollService.PollView> poll(long id, de.allmende.domain.post.Post post) {
            if (post.kind() != de.allmende.domain.post.PostKind.QUESTION) return Optional.empty();
            return polls.find(tx, id).map(facts -> new PollService.PollView(id, facts, polls.choices(tx, id, viewer.accountId()),
                    facts.expired(java.time.Instant.now())));
        }

        /** Posts, links and counts of these posts and of the posts they boost; their authors' accounts. */
        private void prefetch(List<Long> ids) {
            List<Long> wanted = ids.stream().filter(id -> !links.containsKey(id)).toList();
            if (wanted.isEmpty()) return;
            Map<Long, TimelineStore.Links> found = timelines.links(tx, wanted);
            List<Long> boosted = found.values().stream().flatMap(l -> l.reblogOf().stream()).filter(id -> !found.containsKey(id)).toList();
            if (!boosted.isEmpty()) found.putAll(timelines.links(tx, boosted));
            for (long id : wanted) found.putIfAbsent(id, new TimelineStore.Links(Optional.empty(), Optional.empty(), Optional.empty()));
            links.putAll(found);
            counts.putAll(timelines.counts(tx, found.keySet(), viewer.accountId()));
            for (long id : found.keySet()) stored.put(id, posts.find(tx, id));
            List<Long> authors = stored.values().stream().flatMap(Optional::stream).map(PostStore.StoredPost::authorId)
                    .filter(a -> !known.containsKey(a)).distinct().toList();
            Map<Long, AccountFacts> facts = accounts.byIds(tx, authors);
            authors.forEach(a -> known.put(a, Optional.ofNullable(facts.get(a))));
        }

        private Optional<AccountFacts> account(long id) {
            return known.computeIfAbsent(id, i -> accounts.byId(tx, i));
        }

        private Optional<AccountFacts> mentioned(URI iri) {
            Optional<Long> id = iris.parseActor(iri).flatMap(handle -> accountIds.localByHandle(tx, handle, iri))
                    .or(() -> accountIds.remote(tx, iri)).map(de.allmende.domain.AccountRef::id);
            return id.flatMap(this::account);
        }
    }
}
