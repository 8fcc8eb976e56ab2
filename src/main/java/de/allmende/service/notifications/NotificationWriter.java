package de.allmende.service.notifications;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.event.Blocked;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.NotificationCreated;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.event.ReactionEvent;
import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.domain.notification.NotificationType;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.Visibility;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountStore;
import de.allmende.store.ConversationMuteStore;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.store.NotificationStore;
import de.allmende.store.PostStore;
import de.allmende.store.ReactionStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

import static de.allmende.domain.notification.NotificationType.FAVOURITE;
import static de.allmende.domain.notification.NotificationType.FOLLOW;
import static de.allmende.domain.notification.NotificationType.FOLLOW_REQUEST;
import static de.allmende.domain.notification.NotificationType.MENTION;
import static de.allmende.domain.notification.NotificationType.REBLOG;
import static de.allmende.domain.notification.NotificationType.STATUS;
import static de.allmende.domain.notification.NotificationType.UPDATE;

/**
 * The notifications consumer of domain events: writes what a local account is notified of, as Mastodon does —
 * follow (or follow_request while it waits for approval), mention, favourite, reblog of its post, update of a post
 * it boosted — and removes a notification when its cause is taken back (an unfollow, an unfavourite, a rejected or
 * approved request, a deleted post; Mastodon destroys the notification with its activity) or the node blocks who
 * caused it.
 *
 * <p>Jobs run in parallel and may run again, so each write is once per event and recipient, and checks that its
 * cause still holds (a favourite withdrawn before its job ran notifies nobody) with its row locked, so that a
 * withdrawal committing meanwhile waits, and its own job then finds the notification to remove. Each notification records a
 * {@link NotificationCreated} event in its own transaction, for streaming and push.
 */
public final class NotificationWriter {
    private final Database db;
    private final LocalIris iris;
    private final NotificationStore notifications = new NotificationStore();
    private final AccountStore accounts = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final ReactionStore reactions = new ReactionStore();
    private final PostStore posts = new PostStore();
    private final EventStore events = new EventStore();
    private final ConversationMuteStore conversationMutes = new ConversationMuteStore();

    public NotificationWriter(Database db, LocalIris iris) {
        this.db = db;
        this.iris = iris;
    }

    /** Applies one event (the worker's handler). */
    public void apply(long eventId, DomainEvent event) {
        db.dsl().transaction(cfg -> applyIn(cfg.dsl(), eventId, event));
    }

    /** The batched consumer's handler: the notifications written in the batch's transaction. */
    public void applyAll(DSLContext tx, java.util.List<de.allmende.service.events.EventWorker.Recorded> events) {
        for (var r : events) applyIn(tx, r.eventId(), r.event());
    }

    private void applyIn(DSLContext tx, long eventId, DomainEvent event) {
        switch (event) {
            case FollowRequested e -> followRequested(tx, eventId, e.actor(), e.subject());
            case Followed e -> followed(tx, eventId, e.actor(), e.subject());
            case FollowRejected e -> takenBack(tx, e.actor(), e.subject(), FOLLOW_REQUEST);
            case Unfollowed e -> takenBack(tx, e.actor(), e.subject(), FOLLOW, FOLLOW_REQUEST);
            case Liked e -> reacted(tx, eventId, e, ReactionStore.Kind.LIKE, FAVOURITE);
            case Boosted e -> reacted(tx, eventId, e, ReactionStore.Kind.ANNOUNCE, REBLOG);
            case Unliked e -> unreacted(tx, e, FAVOURITE);
            case Unboosted e -> unreacted(tx, e, REBLOG);
            case Mentioned e -> mentioned(tx, eventId, e);
            case PostCreated e -> posted(tx, eventId, e);
            case PostEdited e -> edited(tx, eventId, e);
            case PostDeleted e -> posts.idOf(tx, e.subject()).ifPresent(id -> notifications.deleteAbout(tx, id));
            case Blocked e -> blocked(tx, e);
            default -> { } // not what anyone is notified of
        }
    }

    private void followRequested(DSLContext tx, long eventId, URI follower, URI followee) {
        Optional<AccountRef> to = local(tx, followee);
        Optional<AccountRef> from = account(tx, follower);
        if (to.isEmpty() || from.isEmpty()) return;
        if (followState(tx, from.get(), to.get()).filter(FollowStore.State.PENDING::equals).isEmpty()) return;
        write(tx, eventId, to.get(), FOLLOW_REQUEST, from.get(), Optional.empty());
    }

    /** A new follower; one that was a request approved here is no news to the account (Mastodon drops the request's). */
    private void followed(DSLContext tx, long eventId, URI follower, URI followee) {
        Optional<AccountRef> to = local(tx, followee);
        Optional<AccountRef> from = account(tx, follower);
        if (to.isEmpty() || from.isEmpty()) return;
        if (followState(tx, from.get(), to.get()).filter(FollowStore.State.ACCEPTED::equals).isEmpty()) return;
        if (notifications.deleteFrom(tx, to.get().id(), from.get().id(), Optional.empty(), FOLLOW_REQUEST) > 0) return;
        write(tx, eventId, to.get(), FOLLOW, from.get(), Optional.empty());
    }

    private void takenBack(DSLContext tx, URI actor, URI subject, NotificationType... types) {
        Optional<AccountRef> to = local(tx, subject);
        Optional<AccountRef> from = account(tx, actor);
        if (to.isPresent() && from.isPresent()) notifications.deleteFrom(tx, to.get().id(), from.get().id(), Optional.empty(), types);
    }

    private void reacted(DSLContext tx, long eventId, ReactionEvent e, ReactionStore.Kind kind, NotificationType type) {
        Optional<PostStore.StoredPost> post = posts.find(tx, e.subject()).filter(p -> p.deleted().isEmpty());
        Optional<AccountRef> from = account(tx, e.actor());
        if (post.isEmpty() || from.isEmpty()) return;
        Optional<AccountRef> author = local(tx, post.get().post().author());
        if (author.isEmpty() || !reactions.holds(tx, kind, from.get().id(), e.subject())) return;
        write(tx, eventId, author.get(), type, from.get(), Optional.of(post.get().id()));
    }

    private void unreacted(DSLContext tx, ReactionEvent e, NotificationType type) {
        Optional<PostStore.StoredPost> post = posts.find(tx, e.subject());
        Optional<AccountRef> from = account(tx, e.actor());
        if (post.isEmpty() || from.isEmpty()) return;
        local(tx, post.get().post().author()).ifPresent(author ->
                notifications.deleteFrom(tx, author.id(), from.get().id(), Optional.of(post.get().id()), type));
    }

    private void mentioned(DSLContext tx, long eventId, Mentioned e) {
        Optional<PostStore.StoredPost> post = posts.find(tx, e.subject()).filter(p -> p.deleted().isEmpty());
        Optional<AccountRef> to = local(tx, e.mentioned());
        Optional<AccountRef> from = account(tx, e.actor());
        if (post.isEmpty() || to.isEmpty() || from.isEmpty()) return;
        write(tx, eventId, to.get(), MENTION, from.get(), Optional.of(post.get().id()));
    }

    /**
     * A new post of an account that local accounts follow with "notify" (the bell in the apps): as Mastodon, for
     * posts and threads of the author's own, not for boosts, replies to others or direct posts.
     */
    private void posted(DSLContext tx, long eventId, PostCreated e) {
        Optional<PostStore.StoredPost> post = posts.find(tx, e.subject()).filter(p -> p.deleted().isEmpty());
        if (post.isEmpty() || post.get().post().reblogOf().isPresent()) return;
        Post p = post.get().post();
        boolean replyToOther = p.inReplyTo().isPresent() && posts.find(tx, p.inReplyTo().get())
                .map(parent -> parent.authorId() != post.get().authorId()).orElse(true);
        if (replyToOther || p.visibility() == Visibility.DIRECT) return; // a direct post notifies as a mention
        Optional<AccountRef> from = account(tx, e.actor());
        if (from.isEmpty()) return;
        for (NotificationStore.LocalRecipient r : notifications.localFollowersNotified(tx, post.get().authorId())) {
            write(tx, eventId, new AccountRef(r.accountId(), iris.actor(r.handle())), STATUS, from.get(), Optional.of(post.get().id()));
        }
    }

    /** Mastodon notifies the local accounts that boosted an edited post. */
    private void edited(DSLContext tx, long eventId, PostEdited e) {
        Optional<PostStore.StoredPost> post = posts.find(tx, e.subject()).filter(p -> p.deleted().isEmpty());
        Optional<AccountRef> from = account(tx, e.actor());
        if (post.isEmpty() || from.isEmpty()) return;
        for (NotificationStore.LocalRecipient b : notifications.localBoosters(tx, post.get().id())) {
            write(tx, eventId, new AccountRef(b.accountId(), iris.actor(b.handle())), UPDATE, from.get(), Optional.of(post.get().id()));
        }
    }

    /** The node's block clears what the blocked sent to anyone here; a municipality's own block, what it sent to it. */
    private void blocked(DSLContext tx, Blocked e) {
        if (e.subject() == null) return; // an operator's text that is no IRI names no account here
        Optional<Long> onlyTo = local(tx, e.actor()).map(AccountRef::id); // empty: the instance actor, for the whole node
        switch (e.scope()) {
            case ACTOR -> accounts.remote(tx, e.subject()).ifPresent(a -> notifications.deleteAllFrom(tx, a.id(), onlyTo));
            case DOMAIN -> Optional.ofNullable(e.subject().getRawAuthority()).ifPresent(d -> notifications.deleteAllFromDomain(tx, d, onlyTo));
        }
    }

    /**
     * Writes the notification (never for what an account did itself, nor about a post in a thread the account muted, as
     * Mastodon's conversation mute holds for every type with a status) and records that it exists.
     */
    private void write(DSLContext tx, long eventId, AccountRef to, NotificationType type, AccountRef from, Optional<Long> post) {
        if (to.id() == from.id()) return;
        if (post.isPresent() && conversationMutes.muted(tx, to.id(), post.get())) return;
        notifications.insert(tx, new NotificationStore.New(eventId, to.id(), type, from.id(), post)).ifPresent(id ->
                events.record(tx, new NotificationCreated(from.iri(), to.iri(), id, to.id(), type.wire())));
    }

    private Optional<FollowStore.State> followState(DSLContext tx, AccountRef follower, AccountRef followee) {
        return follows.findForShare(tx, follower.id(), followee.id()).map(FollowStore.Follow::state);
    }

    /** The local account an IRI names (a municipality of this node). */
    private Optional<AccountRef> local(DSLContext tx, URI iri) {
        if (!iris.isLocal(iri)) return Optional.empty();
        return iris.parseActor(iri).flatMap(handle -> accounts.localByHandle(tx, handle, iri));
    }

    /** The account an IRI names, local or remote, if this node has it. */
    private Optional<AccountRef> account(DSLContext tx, URI iri) {
        return iris.isLocal(iri) ? local(tx, iri) : accounts.remote(tx, iri);
    }
}
