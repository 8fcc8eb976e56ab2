package de.allmende.service.client;

import de.allmende.db.Changes;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.post.Post;
import de.allmende.service.BoostService;
import de.allmende.service.LikeService;
import de.allmende.service.port.Publisher;
import de.allmende.store.ConversationMuteStore;
import de.allmende.store.PostMarkStore;
import de.allmende.store.PostMarkStore.Mark;
import de.allmende.store.PostStore;
import de.allmende.store.TimelineStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.util.Optional;

/**
 * What a municipality does to a post from its app (docs.joinmastodon.org/methods/statuses): favourite, boost,
 * bookmark, mute its thread and pin (federated as Mastodon does: {@code Add}/{@code Remove} to the featured collection), and their undos. Favourites and boosts go through {@link LikeService} and {@link BoostService},
 * so they federate as every Like and Announce of the node does. Each answers the post as the viewer now sees it;
 * a post it may not see is a 404. Acting on a boost acts on the boosted post, as Mastodon does; undoing what was
 * never done changes nothing.
 */
public final class StatusActions {
    /** As the instance document says ({@code max_pinned_statuses}). */
    public static final int MAX_PINS = 5;
    private static final String NOT_FOUND = "Record not found";

    private final Database db;
    private final AccountReads accounts;
    private final StatusReads reads;
    private final LikeService likes;
    private final BoostService boosts;
    private final Publisher publisher;
    private final PostStore posts = new PostStore();
    private final TimelineStore timelines = new TimelineStore();
    private final PostMarkStore marks = new PostMarkStore();
    private final ConversationMuteStore conversationMutes = new ConversationMuteStore();

    public StatusActions(Database db, AccountReads accounts, StatusReads reads, LikeService likes, BoostService boosts, Publisher publisher) {
        this.db = db;
        this.accounts = accounts;
        this.reads = reads;
        this.likes = likes;
        this.boosts = boosts;
        this.publisher = publisher;
    }

    /** The post an action is about: visible to the viewer, and the boosted one where the id names a boost. */
    private record Target(long id, Post post, long authorId) {}

    public StatusView favourite(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = target(v, id);
        likes.like(a, t.post().iri());
        return reads.status(v, t.id());
    }

    public StatusView unfavourite(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = target(v, id);
        if (reads.status(v, t.id()).counts().favourited()) likes.undo(a, t.post().iri());
        return reads.status(v, t.id());
    }

    /** Boosts a public or unlisted post (403 for others, as Mastodon); answers the boost, which wraps the post. */
    public StatusView reblog(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = target(v, id);
        if (!t.post().visibility().isPublic()) throw ApiException.forbidden("This action is not allowed");
        boosts.boost(a, t.post().iri());
        Optional<Long> boost = timelines.boostOf(db.dsl(), v.accountId(), t.id());
        return reads.status(v, boost.orElse(t.id()));
    }

    /** Takes the viewer's boost back; answers the boosted post. */
    public StatusView unreblog(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = target(v, id);
        if (reads.status(v, t.id()).counts().reblogged()) boosts.undo(a, t.post().iri());
        return reads.status(v, t.id());
    }

    public StatusView bookmark(LocalActor a, long id) {
        return viewersOwn(a, id, (tx, account, post) -> marks.mark(tx, Mark.BOOKMARK, account, post));
    }

    public StatusView unbookmark(LocalActor a, long id) {
        return viewersOwn(a, id, (tx, account, post) -> marks.unmark(tx, Mark.BOOKMARK, account, post));
    }

    /**
     * Mutes the post's thread for the viewer (Mastodon's conversation mute): nothing in it notifies the viewer any
     * more, and its posts show {@code muted}. Nothing leaves the node.
     */
    public StatusView muteConversation(LocalActor a, long id) {
        return viewersOwn(a, id, conversationMutes::mute);
    }

    public StatusView unmuteConversation(LocalActor a, long id) {
        return viewersOwn(a, id, conversationMutes::unmute);
    }

    /** A change only the viewer sees (a bookmark, a muted thread): made on the post as the viewer may see it. */
    private interface OwnChange {
        void apply(DSLContext tx, long accountId, long postId);
    }

    private StatusView viewersOwn(LocalActor a, long id, OwnChange change) {
        Viewer v = accounts.viewer(a);
        Target t = target(v, id);
        db.dsl().transaction(cfg -> change.apply(cfg.dsl(), v.accountId(), t.id()));
        return reads.status(v, t.id());
    }

    /** Pins one of the viewer's own public or unlisted posts (422 otherwise, and beyond {@link #MAX_PINS}). */
    public StatusView pin(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = own(v, id);
        if (!t.post().visibility().isPublic()) throw ApiException.unprocessable("Validation failed: Only public or unlisted posts can be pinned");
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (marks.marked(tx, Mark.PIN, v.accountId(), java.util.List.of(t.id())).contains(t.id())) return;
            if (marks.count(tx, Mark.PIN, v.accountId()) >= MAX_PINS) {
                throw ApiException.unprocessable("Validation failed: You have already pinned the maximum number of posts");
            }
            marks.mark(tx, Mark.PIN, v.accountId(), t.id());
            Changes.announce(tx, v.iri().toString()); // the featured collection changed
            publisher.pinned(tx, a, t.post().iri());
        });
        return reads.status(v, t.id());
    }

    public StatusView unpin(LocalActor a, long id) {
        Viewer v = accounts.viewer(a);
        Target t = own(v, id);
        db.dsl().transaction(cfg -> {
            if (!marks.unmark(cfg.dsl(), Mark.PIN, v.accountId(), t.id())) return;
            Changes.announce(cfg.dsl(), v.iri().toString());
            publisher.unpinned(cfg.dsl(), a, t.post().iri());
        });
        return reads.status(v, t.id());
    }

    private Target target(Viewer v, long id) {
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, id)) throw ApiException.notFound(NOT_FOUND);
        long original = timelines.links(tx, id).reblogOf().orElse(id);
        PostStore.StoredPost p = posts.find(tx, original).filter(s -> s.deleted().isEmpty()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        return new Target(original, p.post(), p.authorId());
    }

    /** A post of the viewer's own, not a boost (Mastodon pins nothing else). */
    private Target own(Viewer v, long id) {
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, id)) throw ApiException.notFound(NOT_FOUND);
        PostStore.StoredPost p = posts.find(tx, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (p.authorId() != v.accountId() || p.post().reblogOf().isPresent()) {
            throw ApiException.unprocessable("Validation failed: You can only pin your own posts");
        }
        return new Target(id, p.post(), p.authorId());
    }
}
