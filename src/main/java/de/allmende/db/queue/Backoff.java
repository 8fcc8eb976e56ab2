package de.allmende.db.queue;

import java.time.Duration;

/** Retry n waits {@code first × factor^(n-1)}, at most {@code max}; given up after {@code maxAttempts}. */
public record Backoff(Duration first, double factor, Duration max, int maxAttempts) implements RetrySchedule {

    @Override
    public Duration after(int attempts) {
        double millis = first.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
        return Duration.ofMillis((long) Math.min(max.toMillis(), millis));
    }
}
