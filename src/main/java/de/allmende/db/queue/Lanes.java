package de.allmende.db.queue;

import java.util.Collection;
import java.util.List;

/**
 * What a claim should know about the lanes of a queue that has them (see {@link LeasedQueue.Shape#lane()}):
 * rows of {@code busy} lanes stay queued in PostgreSQL (not in memory holding a slot), rows of {@code preferred}
 * lanes are taken first.
 */
public record Lanes(Collection<String> busy, Collection<String> preferred) {
    public static final Lanes NONE = new Lanes(List.of(), List.of());
}
