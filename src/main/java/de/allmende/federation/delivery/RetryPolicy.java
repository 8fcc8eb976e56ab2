package de.allmende.federation.delivery;

import de.allmende.db.queue.RetrySchedule;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mastodon's delivery schedule: retry n waits n⁴ + 15 s plus up to 50 % jitter, 16 attempts — about
 * two days in all. {@code scale} shrinks the schedule for tests (1.0 in production).
 */
public record RetryPolicy(int maxAttempts, double scale) implements RetrySchedule {
    public static final RetryPolicy MASTODON = new RetryPolicy(16, 1.0);

    @Override
    public Duration after(int attempt) {
        double base = Math.pow(attempt, 4) + 15;
        double jitter = ThreadLocalRandom.current().nextDouble(0.5 * Math.pow(attempt, 4) + 1);
        return Duration.ofMillis((long) ((base + jitter) * 1000 * scale));
    }

    /** 2xx done; these 4xx will never succeed; everything else (5xx, 401, 408, 429, I/O) is worth retrying. */
    public static boolean permanent(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429 || status == 501;
    }
}
