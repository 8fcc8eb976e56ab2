package de.allmende.federation.delivery;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long peers lately took to answer a delivery, and from that how long a send counts as "young": four times
 * the 90th percentile of the last 256 answers, between 100 ms and 1 s. Where peers answer in 20 ms, a send
 * still waiting after 100 ms is unusual and gives its fast-lane place up; where they take 300 ms (or this
 * machine is busy), sends stay young longer, so the lane still bounds what a crash could send twice.
 */
final class AnswerTimes {
    private static final long MIN = Duration.ofMillis(100).toNanos();
    private static final long MAX = Duration.ofSeconds(1).toNanos();

    private final long[] recent = new long[256];
    private int next;
    private int count;

    synchronized void record(long nanos) {
        recent[next] = nanos;
        next = (next + 1) % recent.length;
        count = Math.min(count + 1, recent.length);
    }

    synchronized long young() {
        if (count < 16) return MAX;
        long[] sorted = Arrays.copyOf(recent, count);
        Arrays.sort(sorted);
        return Math.clamp(4 * sorted[count * 9 / 10], MIN, MAX);
    }
}
