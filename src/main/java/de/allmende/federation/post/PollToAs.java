package de.allmende.federation.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.PollFacts;

import java.time.temporal.ChronoUnit;

/**
 * A local post's poll as Mastodon publishes one: the object becomes a Question with {@code oneOf} (one choice) or
 * {@code anyOf} (several), each option a Note with its {@code name} and {@code replies.totalItems}, {@code endTime},
 * {@code closed} once ended and {@code votersCount} (Mastodon's namespace). {@link AsToPoll} reads the same shape.
 * For the statuses write path: the Create of a post with a poll, and the Update(Question) with new counts.
 */
public final class PollToAs {
    private PollToAs() {}

    public static void write(ObjectNode object, PollFacts poll) {
        object.put("type", "Question");
        object.remove(java.util.List.of("oneOf", "anyOf"));
        ArrayNode options = object.putArray(poll.multiple() ? "anyOf" : "oneOf");
        for (PollFacts.Option o : poll.options()) {
            ObjectNode n = options.addObject().put("type", "Note").put("name", o.title());
            n.putObject("replies").put("type", "Collection").put("totalItems", o.votes());
        }
        poll.endTime().ifPresent(t -> object.put("endTime", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        poll.closed().ifPresent(t -> object.put("closed", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        poll.votersCount().ifPresent(n -> object.put("votersCount", n));
        if (poll.votersCount().isPresent() && object.get("@context") instanceof ArrayNode context) {
            context.addObject().put("toot", "http://joinmastodon.org/ns#").put("votersCount", "toot:votersCount");
        }
    }
}
