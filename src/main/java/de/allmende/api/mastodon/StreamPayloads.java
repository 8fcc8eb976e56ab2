package de.allmende.api.mastodon;

import de.allmende.domain.client.Viewer;
import de.allmende.service.client.StatusReads;
import de.allmende.service.stream.StreamRenderer;
import de.allmende.support.ApiException;

import java.util.Optional;

/** Statuses on streams: the same Status entity the timelines answer with, as the viewer sees it. */
final class StreamPayloads implements StreamRenderer {
    private final StatusReads reads;
    private final StatusJson json;

    StreamPayloads(StatusReads reads, StatusJson json) {
        this.reads = reads;
        this.json = json;
    }

    @Override
    public Optional<String> status(Viewer viewer, long postId) {
        try {
            return Optional.of(json.status(reads.status(viewer, postId)).toString());
        } catch (ApiException e) {
            if (e.status() == 404) return Optional.empty(); // not visible to this viewer, or gone meanwhile
            throw e;
        }
    }
}
