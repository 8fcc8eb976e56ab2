package de.allmende.domain.event;

import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;

import java.util.Map;
import java.util.Optional;

/** The stored name of every event type. Names are part of the database: renaming a record keeps its name here. */
public final class EventKinds {
    private static final Map<String, Class<? extends DomainEvent>> BY_KIND = Map.ofEntries(
            Map.entry("activity_published", ActivityPublished.class),
            Map.entry("post_created", PostCreated.class),
            Map.entry("post_edited", PostEdited.class),
            Map.entry("post_deleted", PostDeleted.class),
            Map.entry("follow_requested", FollowRequested.class),
            Map.entry("followed", Followed.class),
            Map.entry("follow_rejected", FollowRejected.class),
            Map.entry("unfollowed", Unfollowed.class),
            Map.entry("liked", Liked.class),
            Map.entry("unliked", Unliked.class),
            Map.entry("boosted", Boosted.class),
            Map.entry("unboosted", Unboosted.class),
            Map.entry("blocked", Blocked.class),
            Map.entry("unblocked", Unblocked.class),
            Map.entry("mentioned", Mentioned.class),
            Map.entry("notification_created", NotificationCreated.class),
            Map.entry("poll_voted", PollEvent.PollVoted.class),
            Map.entry("poll_ended", PollEvent.PollEnded.class));

    private static final Map<Class<?>, String> BY_TYPE = BY_KIND.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventKinds() {}

    static String kindOf(Class<?> type) {
        String kind = BY_TYPE.get(type);
        if (kind == null) throw new IllegalStateException(type + " has no stored kind");
        return kind;
    }

    /** The record type stored under {@code kind}; empty for a kind this version does not know. */
    public static Optional<Class<? extends DomainEvent>> typeOf(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }
}
