package de.allmende.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** A small load driver: pre-built requests sent over real HTTP with bounded concurrency. */
final class Load {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private Load() {}

    /** Builds requests on all cores (signing is the expensive part and must not be timed). */
    static <T> List<T> prepare(int n, IntFunction<T> make) {
        return IntStream.range(0, n).parallel().mapToObj(make).toList();
    }

    /** Sends all requests, at most {@code concurrency} at a time; returns a histogram of status codes. */
    static Map<Integer, Integer> send(List<HttpRequest> requests, int concurrency) throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HttpRequest r : requests) {
                slots.acquire();
                exec.submit(() -> {
                    try {
                        int s = HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.merge(s, 1, Integer::sum);
                    } catch (Exception e) {
                        statuses.merge(-1, 1, Integer::sum);
                    } finally {
                        done.incrementAndGet();
                        slots.release();
                    }
                });
            }
        }
        return statuses;
    }

    static void await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("timed out");
            Thread.sleep(5);
        }
    }
}
