package de.allmende.federation.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What every inbound activity has, parsed once by {@link AsToInboundActivity}: the parser refuses an
 * activity without an http(s) id, a type or an actor, so these are never absent here. Everything not
 * read here stays in {@link #raw}, which is what gets stored and embedded in our answers.
 *
 * @param type its first type ({@code ["Create", "Note"]} is dispatched as a Create)
 * @param actor the actor as named (a string, an embedded actor's id, a one-element array)
 * @param context the activity's {@code @context}, in which an embedded object without its own is read
 */
public record InboundActivity(
        URI id,
        String type,
        URI actor,
        ObjectRef object,
        Audience audience,
        Optional<Instant> published,
        Optional<JsonNode> context,
        ObjectNode raw) {

    public boolean isPublic() {
        return audience.isPublic();
    }
}
