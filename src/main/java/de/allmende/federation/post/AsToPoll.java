package de.allmende.federation.post;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.post.PollFacts;
import de.allmende.federation.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The poll of a received Question (Mastodon's shape): {@code oneOf} (one choice) or {@code anyOf} (several), each a
 * Note with a {@code name} and {@code replies.totalItems}; {@code endTime}, {@code closed}, {@code votersCount}.
 */
public final class AsToPoll {
    /** Mastodon allows 4 options by default and at most a few dozen when configured; more is no poll we show. */
    static final int MAX_OPTIONS = 50;

    private AsToPoll() {}

    public static Optional<PollFacts> read(JsonNode object) {
        if (!"Question".equals(Json.firstType(object).orElse(""))) return Optional.empty();
        boolean multiple = object.has("anyOf") && !object.has("oneOf");
        List<PollFacts.Option> options = new ArrayList<>();
        for (JsonNode o : Json.each(object.get(multiple ? "anyOf" : "oneOf"))) {
            Optional<String> title = Json.text(o.get("name")).map(String::strip).filter(t -> !t.isEmpty());
            if (title.isEmpty()) continue;
            JsonNode total = o.path("replies").path("totalItems");
            options.add(new PollFacts.Option(title.get(), total.canConvertToInt() ? Math.max(0, total.asInt()) : 0));
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS) return Optional.empty();
        // "closed" may be a time or true (ActivityStreams allows both).
        JsonNode closed = object.get("closed");
        Optional<java.time.Instant> closedAt = AsToPost.instant(closed)
                .or(() -> closed != null && closed.asBoolean(false) ? Optional.of(java.time.Instant.EPOCH) : Optional.empty());
        JsonNode voters = object.get("votersCount");
        return Optional.of(new PollFacts(multiple, options, AsToPost.instant(object.get("endTime")), closedAt,
                voters != null && voters.canConvertToInt() && voters.asInt() >= 0 ? Optional.of(voters.asInt()) : Optional.empty()));
    }
}
