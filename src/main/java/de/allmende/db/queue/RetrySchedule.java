package de.allmende.db.queue;

import java.time.Duration;

/** When a job that asked to be retried is due again, and after how many attempts it is given up. */
public interface RetrySchedule {
    /** The wait before the next try, after {@code attempts} tries. */
    Duration after(int attempts);

    int maxAttempts();
}
