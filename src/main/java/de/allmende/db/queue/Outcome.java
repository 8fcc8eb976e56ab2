package de.allmende.db.queue;

/**
 * How a job ended, as its handler says. {@code code} is written to the queue's result column where it has one
 * (a delivery's HTTP status); null where there is none.
 */
public sealed interface Outcome {
    Integer code();

    /** Done: never run again. */
    record Done(Integer code) implements Outcome {}

    /** Not done now, worth trying again later (the worker's schedule says when, and when to give up). */
    record Retry(String reason, Integer code) implements Outcome {}

    /** Never worth trying again. */
    record Failed(String reason, Integer code) implements Outcome {}

    Outcome DONE = new Done(null);

    static Outcome retry(String reason) {
        return new Retry(reason, null);
    }

    static Outcome failed(String reason) {
        return new Failed(reason, null);
    }
}
