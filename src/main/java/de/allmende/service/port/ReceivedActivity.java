package de.allmende.service.port;

import org.jooq.DSLContext;

/**
 * What the protocol keeps of a received activity (its id for dedupe, and the document our answers embed),
 * written by the inbound adapter inside the use case's transaction: a change made from an activity and the
 * record of that activity commit together or not at all.
 */
@FunctionalInterface
public interface ReceivedActivity {
    void record(DSLContext tx);
}
