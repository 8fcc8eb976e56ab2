package de.allmende.federation.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.PollFacts;
import de.allmende.federation.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Polls as Mastodon's Question: written for local posts, read from received ones, the same both ways")
class PollAsTest {
    @Test
    @DisplayName("one choice and several, with end, closing and voters: written and read back unchanged")
    void roundTrip() {
        Instant end = Instant.parse("2026-12-24T18:00:00Z");
        for (PollFacts poll : List.of(
                new PollFacts(false, List.of(new PollFacts.Option("Ja", 3), new PollFacts.Option("Nein", 1)), Optional.of(end),
                        Optional.empty(), Optional.of(4)),
                new PollFacts(true, List.of(new PollFacts.Option("Radwege", 5), new PollFacts.Option("Bänke", 2)), Optional.of(end),
                        Optional.of(end), Optional.of(6)))) {
            ObjectNode note = Json.MAPPER.createObjectNode().put("type", "Note");
            note.putArray("@context").add("https://www.w3.org/ns/activitystreams");
            PollToAs.write(note, poll);
            assertEquals("Question", note.path("type").asText());
            assertTrue(note.has(poll.multiple() ? "anyOf" : "oneOf"), note.toString());
            assertEquals(Optional.of(poll), AsToPoll.read(note));
        }
    }

    @Test
    @DisplayName("a Question without usable options, and any other type, has no poll; closed: true counts as ended")
    void notAPoll() throws Exception {
        assertEquals(Optional.empty(), AsToPoll.read(Json.MAPPER.readTree("{\"type\":\"Question\",\"oneOf\":[{\"type\":\"Note\"}]}")));
        assertEquals(Optional.empty(), AsToPoll.read(Json.MAPPER.readTree("{\"type\":\"Note\",\"oneOf\":[{\"name\":\"a\"}]}")));
        PollFacts closed = AsToPoll.read(Json.MAPPER.readTree("{\"type\":\"Question\",\"closed\":true,\"oneOf\":[{\"name\":\"a\"}]}")).orElseThrow();
        assertTrue(closed.expired(Instant.now()));
        assertEquals(0, closed.options().getFirst().votes(), "no replies: no votes");
    }
}
