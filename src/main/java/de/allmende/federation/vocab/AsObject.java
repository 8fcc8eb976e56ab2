package de.allmende.federation.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/**
 * An ActivityStreams document embedded in an activity or fetched on its own (a Note, an Event, a Person, or
 * an activity inside an Announce or Undo), with the properties inbound handling reads parsed once. What
 * is not read here (content, tags, attachments, Mobilizon's extensions …) stays in {@link #json}, which is
 * also what gets stored.
 *
 * @param type the first type (peers may give several), empty if none is a string
 * @param context its own {@code @context}, if it has one
 */
public record AsObject(
        Optional<URI> id,
        Optional<String> type,
        Optional<URI> actor,
        Optional<URI> attributedTo,
        ObjectRef object,
        Audience audience,
        Optional<JsonNode> context,
        ObjectNode json) {

    public boolean isA(String candidate) {
        return type.map(candidate::equals).orElse(false);
    }
}
