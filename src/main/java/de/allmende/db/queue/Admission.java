package de.allmende.db.queue;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Which claimed jobs a {@link JobWorker} may start now, and how many to claim. A job that gets no place is given
 * back to the queue at once (due for whoever claims next). A place is held while the job runs and until its
 * outcome is written, then closed.
 */
public interface Admission<J> {

    /** A running job's place; closing it frees the place. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }

    /** How many rows to claim now (0: none). */
    int room();

    /** What the claim should know about the queue's lanes. */
    default Lanes lanes() {
        return Lanes.NONE;
    }

    /** A place for the job, or empty to give it back. May wait. */
    Optional<Place> enter(J job);

    /** Called once when the worker starts; {@code wake} makes it claim again soon (e.g. when a place freed up). */
    default void start(Runnable wake) {}

    default void close() {}

    /**
     * Up to {@code parallel} jobs at once. Claims up to four times the free places (at most 128), so the next jobs
     * are at hand when one ends; those wait (their leases kept) until a place is free.
     */
    static <J> Admission<J> upTo(int parallel) {
        Semaphore slots = new Semaphore(parallel);
        return new Admission<>() {
            @Override
            public int room() {
                return Math.min(slots.availablePermits() * 4, 128);
            }

            @Override
            public Optional<Place> enter(J job) {
                slots.acquireUninterruptibly();
                return Optional.of(slots::release);
            }
        };
    }
}
