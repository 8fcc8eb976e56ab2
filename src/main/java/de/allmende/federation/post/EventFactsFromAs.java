package de.allmende.federation.post;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.post.EventFacts;
import de.allmende.federation.json.Json;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When and where, from an event object: {@code startTime}/{@code endTime} (FEP-8a8e), Mobilizon's
 * {@code timezone}, and {@code location} — a Place with a PostalAddress, a VirtualLocation, or both (an array).
 */
final class EventFactsFromAs {
    private EventFactsFromAs() {}

    /** Empty if the event names no start; throws IllegalArgumentException if it ends before it starts. */
    static Optional<EventFacts> read(JsonNode event) {
        JsonNode place = null;
        Optional<URI> online = Optional.empty();
        for (JsonNode l : Json.each(event.get("location"))) {
            String type = l.path("type").asText();
            if (type.equals("Place") && place == null) place = l;
            if (type.equals("VirtualLocation") && online.isEmpty()) online = Json.uri(l.get("url"));
        }
        JsonNode where = place == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : place;
        Optional<URI> onlineUrl = online;
        return AsToPost.instant(event.get("startTime")).map(start -> new EventFacts(start,
                AsToPost.instant(event.get("endTime")), zone(event.get("timezone")),
                Json.text(where.get("name")), Json.text(where.path("address").get("addressLocality")), onlineUrl));
    }

    private static Optional<ZoneId> zone(JsonNode n) {
        try {
            return Json.text(n).map(ZoneId::of);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
