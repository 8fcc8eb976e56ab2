package de.allmende.db.queue;

/** A claimed row of a {@link LeasedQueue}: its id, how often it was claimed (this claim included), and a name for logs. */
public interface Job {
    long id();

    int attempts();

    String describe();
}
