package de.allmende.federation.fetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent lookups of one key done once: the first caller looks up on its own thread, callers arriving meanwhile
 * wait for its answer (or its exception) instead of each doing the same work. Fifty requests naming one unknown key
 * at once then cost one database lookup, not fifty queued for the pool's few connections.
 */
final class SharedLookups<V> {
    private final ConcurrentHashMap<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    V get(String key, Supplier<V> lookup) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) return await(other);
        try {
            V value = lookup.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many callers wait for the lookup of {@code key} under way (each holds one copy of its future). */
    int waitingFor(String key) {
        CompletableFuture<V> lookup = running.get(key);
        return lookup == null ? 0 : lookup.getNumberOfDependents();
    }

    /** On an HTTP verticle's virtual thread {@code await()} parks only this request: the verticle serves others meanwhile. */
    private static <V> V await(CompletableFuture<V> other) {
        Throwable failure;
        try {
            return io.vertx.core.Future.fromCompletionStage(other.copy()).await();
        } catch (Throwable t) {
            failure = t;
        }
        while (failure instanceof CompletionException && failure.getCause() != null) failure = failure.getCause();
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        throw new IllegalStateException(failure);
    }
}
