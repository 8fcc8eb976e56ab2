package de.allmende.federation.http;

import java.time.Duration;

/** The moment an outbound call must be over, shared by all its steps and hops. */
record Deadline(long atNanos, Duration total) {

    static Deadline after(Duration total) {
        return new Deadline(System.nanoTime() + total.toNanos(), total);
    }

    /** Milliseconds left, at least 1: a timer set with it still fires (and fails the call) when time is up. */
    long remainingMillis() {
        long nanos = atNanos - System.nanoTime();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    SafeHttpClient.DeadlineExceededException exceeded(String what) {
        return new SafeHttpClient.DeadlineExceededException(what + " took longer than " + total.toMillis() + " ms");
    }
}
