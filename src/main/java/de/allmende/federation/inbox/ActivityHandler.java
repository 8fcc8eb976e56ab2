package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;

/** Applies one type of inbound activity. Registered per type in {@link ActivityRouter}. */
@FunctionalInterface
public interface ActivityHandler {
    /**
     * @param actor the activity's actor, already checked to be the signer (or proven by an object proof)
     * @throws IOException for transient trouble (a fetch failed): the item is retried later
     */
    void handle(ObjectNode activity, URI actor) throws IOException;
}
