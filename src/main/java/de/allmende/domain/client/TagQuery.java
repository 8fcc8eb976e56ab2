package de.allmende.domain.client;

import java.util.List;

/**
 * A hashtag timeline's question (Mastodon's {@code timelines/tag/:hashtag}): public posts with any of {@code any}
 * (the tag itself and {@code any[]}), all of {@code all} and none of {@code none}; names lower-case, without '#'.
 */
public record TagQuery(List<String> any, List<String> all, List<String> none, TimelineFilter filter) {
    public TagQuery {
        any = List.copyOf(any);
        all = List.copyOf(all);
        none = List.copyOf(none);
    }
}
