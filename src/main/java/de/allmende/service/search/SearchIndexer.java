package de.allmende.service.search;

import de.allmende.db.Database;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.PostEvent;
import de.allmende.domain.post.Visibility;
import de.allmende.domain.search.SearchKind;
import de.allmende.store.PostStore;
import de.allmende.store.PostStore.StoredPost;
import de.allmende.store.SearchIndexStore;
import org.jooq.DSLContext;

import java.util.Optional;

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

    /** The worker's handler. */
    public void apply(DomainEvent event) {
        if (!(event instanceof PostEvent e)) return;
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Long> id = posts.idOf(tx, e.subject());
            if (id.isEmpty()) return; // gone with its author (the document went with it)
            index.lock(tx, id.get());
            Optional<StoredPost> post = posts.find(tx, id.get());
            Optional<SearchKind> kind = post.filter(SearchIndexer::isPublic).flatMap(p -> SearchKind.of(p.post().kind()));
            if (kind.isEmpty()) {
                index.delete(tx, id.get());
                return;
            }
            index.save(tx, SearchDocuments.of(post.get(), kind.get(), index.facts(tx, id.get())));
        });
    }

    private static boolean isPublic(StoredPost p) {
        return p.deleted().isEmpty() && p.post().visibility() == Visibility.PUBLIC;
    }
}
