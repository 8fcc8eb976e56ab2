package de.allmende.service;

import de.allmende.db.Changes;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.CurationStore;
import de.allmende.store.PostMarkStore;
import de.allmende.store.PostMarkStore.Mark;
import de.allmende.support.ApiException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Curation (issue 11, point 9): coordinator staff feature outstanding projects and lessons of the network. A featured
 * item is pinned on the coordinator (its {@code featured} collection, with Mastodon's {@code Add} to its followers),
 * boosted once (an Announce to its followers and the item's author) and marked "empfohlen" in search and directory.
 * Unfeaturing undoes each: {@code Remove}, {@code Undo(Announce)}, no mark. Only what the node aggregated can be
 * featured, so a recommendation always names an item whose provenance is on record.
 *
 * <p>Pin and boost are two transactions (the boost is the boost use case's); each is idempotent, so featuring again
 * after a failure in between completes what is missing and sends nothing twice.
 */
public final class CurationService {
    /** Whether featuring changed anything, or the item was featured before. */
    public record Featured(URI object, boolean already) {}

    private final Database db;
    private final LocalIris iris;
    private final Publisher publisher;
    private final BoostService boosts;
    private final Accounts accounts;
    private final CurationStore store = new CurationStore();
    private final PostMarkStore marks = new PostMarkStore();

    public CurationService(Database db, LocalIris iris, Publisher publisher, BoostService boosts) {
        this.db = db;
        this.iris = iris;
        this.publisher = publisher;
        this.boosts = boosts;
        this.accounts = new Accounts(iris);
    }

    /** Features the aggregated item {@code objectIri} (404 if the node does not hold it, 422 if deleted or not public). */
    public Featured feature(LocalActor coordinator, String objectIri) {
        requireCoordinator(coordinator);
        URI object = objectIri(objectIri);
        CurationStore.Item item = store.aggregated(db.dsl(), object).orElseThrow(() -> ApiException.notFound(object
                + " is not an item this node aggregated (subscribe the coordinator to its municipality first)"));
        if (item.deleted()) throw ApiException.unprocessable(object + " was deleted by its author");
        if (!item.isPublic()) throw ApiException.unprocessable(object + " is not public; only public items can be recommended");
        boolean pinned = db.dsl().transactionResult(cfg -> {
            if (!marks.mark(cfg.dsl(), Mark.PIN, accounts.of(cfg.dsl(), coordinator).id(), item.postId())) return false;
            Changes.announce(cfg.dsl(), iris.actor(coordinator.handle()).toString()); // its featured collection changed
            publisher.pinned(cfg.dsl(), coordinator, object);
            return true;
        });
        boosts.boost(coordinator, object); // boosting again sends nothing: followers get one Announce
        return new Featured(object, !pinned);
    }

    /** Takes a feature back: unpinned, the boost undone (404 if the coordinator does not feature it). */
    public void unfeature(LocalActor coordinator, String objectIri) {
        requireCoordinator(coordinator);
        URI object = objectIri(objectIri);
        db.dsl().transaction(cfg -> {
            long post = store.featuredPost(cfg.dsl(), coordinator.id(), object)
                    .orElseThrow(() -> ApiException.notFound(object + " is not featured by @" + coordinator.handle()));
            marks.unmark(cfg.dsl(), Mark.PIN, accounts.of(cfg.dsl(), coordinator).id(), post);
            Changes.announce(cfg.dsl(), iris.actor(coordinator.handle()).toString());
            publisher.unpinned(cfg.dsl(), coordinator, object);
        });
        try {
            boosts.undo(coordinator, object);
        } catch (ApiException e) {
            if (e.status() != 404) throw e; // no boost left (taken back from an app, say): nothing to undo
        }
    }

    /** What the coordinator features, newest first. */
    public List<URI> featured(LocalActor coordinator) {
        return store.featured(db.dsl(), coordinator.id());
    }

    /** What the coordinator features with what search shows of each (title, kind, municipality), newest first. */
    public List<CurationStore.FeaturedItem> featuredItems(LocalActor coordinator) {
        requireCoordinator(coordinator);
        return store.featuredItems(db.dsl(), coordinator.id());
    }

    /** One item the coordinator features, as {@link #featuredItems} shows it (404 if it does not feature it). */
    public CurationStore.FeaturedItem featuredItem(LocalActor coordinator, URI object) {
        requireCoordinator(coordinator);
        return store.featuredItem(db.dsl(), coordinator.id(), object)
                .orElseThrow(() -> ApiException.notFound(object + " is not featured by @" + coordinator.handle()));
    }

    /**
     * Recommending is the network office's voice: a municipality's token (the staff API acts for whoever the token
     * names) must not pin and boost in its name, so this holds for every caller, not only the CLI that looks up
     * coordinators by handle.
     */
    private static void requireCoordinator(LocalActor actor) {
        if (!actor.isCoordinator()) throw ApiException.forbidden("only a coordinator features items; @" + actor.handle() + " is none");
    }

    private static URI objectIri(String text) {
        try {
            URI u = new URI(text.strip());
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) return u;
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiException.badRequest("not an object IRI: '" + text + "' (an https:// address of a post, project or lesson)");
    }
}
