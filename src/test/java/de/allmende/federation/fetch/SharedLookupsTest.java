package de.allmende.federation.fetch;

import de.allmende.support.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fifty requests naming one unknown key at once share one database lookup (KeyFetchThrottleTest shows them answered). */
@DisplayName("signer keys: concurrent lookups of one key are done once and share its answer or its exception")
class SharedLookupsTest {
    private final SharedLookups<String> lookups = new SharedLookups<>();

    /** Runs {@code calls} lookups of "k" while the first is held inside its lookup, then lets it finish. */
    private List<Thread> whileFirstIsLookingUp(Supplier<String> first, int calls, List<Object> answers, AtomicInteger others) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofVirtual().start(() -> answers.add(answer(() -> lookups.get("k", () -> {
            entered.countDown();
            await(release);
            return first.get();
        })))));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 1; i < calls; i++) {
            threads.add(Thread.ofVirtual().start(() -> answers.add(answer(() -> lookups.get("k", () -> {
                others.incrementAndGet();
                return "another lookup";
            })))));
        }
        // every other caller waits for the first one's answer before it is given
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lookups.waitingFor("k") < calls - 1 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(calls - 1, lookups.waitingFor("k"), "callers waiting for the first lookup");
        release.countDown();
        for (Thread t : threads) t.join(10_000);
        return threads;
    }

    @Test
    @DisplayName("50 concurrent lookups of one key: one lookup, 50 equal answers")
    void oneLookupForConcurrentCallers() throws Exception {
        List<Object> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger others = new AtomicInteger();
        whileFirstIsLookingUp(() -> "the key", 50, answers, others);
        assertEquals(0, others.get(), "callers arriving during the lookup did not look up again");
        assertEquals(50, answers.size());
        assertTrue(answers.stream().allMatch("the key"::equals), answers::toString);
    }

    @Test
    @DisplayName("the first lookup's 429 reaches every caller that waited for it; the next caller looks up anew")
    void exceptionIsShared() throws Exception {
        List<Object> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger others = new AtomicInteger();
        whileFirstIsLookingUp(() -> {
            throw ApiException.tooManyRequests("busy", java.time.Duration.ofSeconds(5));
        }, 10, answers, others);
        assertEquals(10, answers.size());
        assertTrue(answers.stream().allMatch(a -> a instanceof ApiException e && e.getMessage().contains("busy")), answers::toString);
        assertEquals("fresh", lookups.get("k", () -> "fresh"), "nothing is remembered once the lookup ended");
        assertThrows(IllegalStateException.class, () -> lookups.get("k", () -> {
            throw new IllegalStateException("own failure");
        }));
    }

    private static Object answer(Supplier<String> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
