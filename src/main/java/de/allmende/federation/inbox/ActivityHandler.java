package de.allmende.federation.inbox;

import de.allmende.federation.vocab.ActivityView;

import java.io.IOException;

/** Applies one type of inbound activity, given as the typed view of that type. Registered per view in {@link ActivityRouter}. */
@FunctionalInterface
public interface ActivityHandler<A extends ActivityView> {
    /**
     * @param activity its actor already checked to be the signer (or proven by an object proof)
     * @throws IOException for transient trouble (a fetch failed): the item is retried later
     */
    void handle(A activity) throws IOException;
}
