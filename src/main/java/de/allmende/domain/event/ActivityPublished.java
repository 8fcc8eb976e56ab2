package de.allmende.domain.event;

import java.net.URI;
import java.util.List;

/**
 * A local actor published an activity (stored as {@code activityId}). Its audience is the actor's followers
 * when {@code toFollowers}, plus {@code directInboxes} (the author of a liked post, the actor followed …).
 * The direct inboxes are queued with the activity; the followers are expanded by the fan-out consumer, so
 * publishing costs the same for 10 followers as for 10,000.
 */
public record ActivityPublished(URI actor, URI subject, String activityType, long activityId, long senderActorId,
                                boolean toFollowers, List<String> directInboxes) implements DomainEvent {
    public ActivityPublished {
        directInboxes = List.copyOf(directInboxes);
    }
}
