package de.allmende.service.search;

import de.allmende.db.Database;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.PostEvent;
import de.allmende.service.events.EventWorker;
import de.allmende.domain.post.Visibility;
import de.allmende.domain.search.SearchKind;
import de.allmende.store.PostStore;
import de.allmende.store.PostStore.StoredPost;
import de.allmende.store.SearchIndexStore;
import org.jooq.DSLContext;

import de.allmende.domain.search.SearchDocument;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search-index consumer of domain events: after a post is created, edited or deleted (here or on the node that
 * sent it), its search document is written anew from the post as it is now, or removed. Only public posts are
 * indexed, never followers-only, direct or unlisted ones, nor boosts.
 *
 * <p>Jobs run in every process, in parallel and possibly more than once; each reads the current state of the post
 * under a lock of its own (see {@link SearchIndexStore#lock}), so whichever job runs last writes the last state, and
 * running one again writes the same document.
 */
public final class SearchIndexer {
    private final Database db;
    private final PostStore posts = new PostStore();
    private final SearchIndexStore index = new SearchIndexStore();

    public SearchIndexer(Database db) {
        this.db = db;
    }

    /** Indexes the post of one event, in a transaction of its own. */
    public void apply(DomainEvent event) {
        db.dsl().transaction(cfg -> applyAll(cfg.dsl(), List.of(new EventWorker.Recorded(0, event))));
    }

    /**
     * The batched consumer's handler: the posts of a batch's events indexed in the batch's transaction, each once
     * however many of the events name it. Posts gone with their author are skipped (their documents went with them).
     * The posts' locks are taken in the order of their ids, so batches of two processes that share posts do not deadlock.
     */
    public void applyAll(DSLContext tx, List<EventWorker.Recorded> events) {
        Set<URI> subjects = new LinkedHashSet<>();
        for (EventWorker.Recorded r : events) if (r.event() instanceof PostEvent e) subjects.add(e.subject());
        if (subjects.isEmpty()) return;
        List<Long> ids = posts.idsOf(tx, subjects).values().stream().sorted().toList();
        index.lock(tx, ids);
        // Set-based: the posts, their facts and their documents each in one statement for the whole batch.
        List<StoredPost> indexed = posts.find(tx, ids).stream().filter(p -> isPublic(p) && SearchKind.of(p.post().kind()).isPresent()).toList();
        Map<Long, SearchIndexStore.Facts> facts = index.facts(tx, indexed.stream().map(StoredPost::id).toList());
        List<SearchDocument> documents = new ArrayList<>();
        Set<Long> unindexed = new HashSet<>(ids);
        for (StoredPost p : indexed) {
            if (!facts.containsKey(p.id())) continue; // gone since (its author deleted): its document went with it
            documents.add(SearchDocuments.of(p, SearchKind.of(p.post().kind()).orElseThrow(), facts.get(p.id())));
            unindexed.remove(p.id());
        }
        index.delete(tx, unindexed);
        index.save(tx, documents);
    }

    private static boolean isPublic(StoredPost p) {
        return p.deleted().isEmpty() && p.post().visibility() == Visibility.PUBLIC;
    }
}
