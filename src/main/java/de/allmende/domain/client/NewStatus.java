package de.allmende.domain.client;

import de.allmende.domain.post.Visibility;

import java.util.Optional;

/**
 * A status an app posts: its words, who may see it, the status it answers (by its client API id), if any, its uploads,
 * and its poll, if any.
 */
public record NewStatus(StatusText words, Visibility visibility, Optional<Long> inReplyToId, java.util.List<String> mediaIds,
                        Optional<NewPoll> poll) {
    public NewStatus {
        mediaIds = java.util.List.copyOf(mediaIds);
    }

    public NewStatus(StatusText words, Visibility visibility, Optional<Long> inReplyToId, java.util.List<String> mediaIds) {
        this(words, visibility, inReplyToId, mediaIds, Optional.empty());
    }

    public NewStatus(StatusText words, Visibility visibility, Optional<Long> inReplyToId) {
        this(words, visibility, inReplyToId, java.util.List.of());
    }
}
