package de.allmende.domain.event;

import java.util.function.Predicate;

/**
 * The consumers of domain events and what each wants. Recording an event creates one durable job per
 * consumer that wants it, in the same transaction; each consumer works through its own jobs. A new consumer
 * (notifications, streaming, search indexing) is a constant here and a handler registered with the worker.
 */
public enum Consumer {
    /** Turns a published activity into one delivery row per follower inbox. */
    FAN_OUT(e -> e instanceof ActivityPublished p && p.toFollowers()),
    /** Writes the client API's notifications: follows, mentions, favourites, boosts, posts of belled accounts, edits of boosted posts. */
    NOTIFICATIONS(e -> e instanceof FollowEvent || e instanceof ReactionEvent || e instanceof Mentioned
            || e instanceof PostEvent || e instanceof Blocked),
    /** Tells every node process's streaming clients of new, edited and deleted posts and of notifications (service.stream.Streams). */
    STREAMING(e -> e instanceof PostEvent || e instanceof NotificationCreated),
    /** Sends each notification to the Web Push subscriptions of apps that want it (service.push.PushDelivery). */
    PUSH(e -> e instanceof NotificationCreated),
    /** Tells a local poll's new counts (Update(Question)) to followers and voters, and closes it when it ends. */
    POLL_RESULTS(e -> e instanceof PollEvent),
    /** Keeps the search index (table search_document) in step with the posts: created, edited, deleted (service.search). */
    SEARCH_INDEX(e -> e instanceof PostEvent),
    /**
     * Lets coordinators' topic groups boost the new and edited posts of their field or addressed to them, and take the
     * boost back when the post is deleted (service.TopicGroupBoosts).
     */
    TOPIC_GROUPS(e -> e instanceof PostEvent);

    private final Predicate<DomainEvent> wants;

    Consumer(Predicate<DomainEvent> wants) {
        this.wants = wants;
    }

    public boolean wants(DomainEvent event) {
        return wants.test(event);
    }

    /**
     * Whether it wants an event about history: an old post a coordinator's backfill read from its author's outbox
     * (published more than {@code service.BackfilledPage.REAL_TIME_WINDOW} before it was read). Such posts are not news, and
     * Mastodon treats them so: a fetched status goes to feeds, streams and mention notifications only if it is younger
     * than its real-time window of six hours ({@code ActivityPub::Activity::Create#distribute},
     * {@code Status#within_realtime_window?}). So history is indexed for search — what a coordinator reads it for —
     * but neither streamed nor notified; a topic group takes it only if it addresses an actor of this node (the group
     * boosts history addressed to it, never history of its field: see service.TopicGroupBoosts).
     *
     * @param addressedHere whether the post names an actor of this node in {@code to}, {@code cc} or {@code audience}
     */
    public boolean wantsHistory(DomainEvent event, boolean addressedHere) {
        if (!wants(event)) return false;
        return switch (this) {
            case SEARCH_INDEX -> true;
            case TOPIC_GROUPS -> addressedHere;
            case NOTIFICATIONS, STREAMING, FAN_OUT, PUSH, POLL_RESULTS -> false;
        };
    }

    /**
     * Whether it takes its jobs in batches (service.events.EventBatches): the consumers every stored post has a job for,
     * whose work per post is small; their jobs are announced on a channel of their own.
     */
    public boolean batched() {
        return this == NOTIFICATIONS || this == STREAMING || this == SEARCH_INDEX || this == TOPIC_GROUPS;
    }

    /** The name stored in {@code event_job.consumer}. */
    public String stored() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
