package de.allmende.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import de.allmende.db.Changes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered public documents (actors, objects, collections, WebFinger, NodeInfo, HTML pages), kept as
 * bytes with a strong ETag, so a read is a lookup and a write of bytes; {@code If-None-Match} gets 304.
 *
 * <p><b>Staleness.</b> Each document lists the topics it shows (see {@link Changes}: the IRIs of the
 * local actor and object, or "any actor"). Every write that changes one announces it in its transaction:
 * <ul>
 * <li>In the writing process the documents are dropped after the commit, before the write returns: a
 *     reader there never gets the old document afterwards.</li>
 * <li>Other processes on the same database hear it by PostgreSQL {@code LISTEN/NOTIFY}, sent at commit:
 *     they serve the old document only until the notification arrives (milliseconds).</li>
 * <li>A render that overlaps an invalidation is not kept (a generation counter is compared before and
 *     after), so an old state read before the change cannot be stored after it was dropped.</li>
 * <li>Documents are kept only while this process is sure to hear every notification
 *     ({@link Changes#tracking()}). When the listening connection breaks, everything is dropped and
 *     nothing kept until it listens again; an unnoticed loss lasts at most about three seconds (heartbeat).</li>
 * <li>Every document is rendered again after {@link #LONGEST} at the latest, and earlier when it says so
 *     (an actor whose retired key leaves the document at the end of its grace period). This also bounds
 *     changes made behind the node's back (SQL by hand) and derived ones nobody announces, e.g. an
 *     outbox's boost of a remote object that its server deleted.</li>
 * </ul>
 * Errors (404, 400 …) are never kept. The cache sits inside the handlers, behind authorized fetch and
 * its domain blocks, so a kept document is never served to a request that the check would refuse; in
 * that mode JSON answers are marked {@code private} so shared caches do not hand them on either.
 */
public final class DocumentCache implements Changes.Subscriber {
    /** The bound on staleness for changes nobody announced. */
    static final Duration LONGEST = Duration.ofSeconds(30);
    /** Bodies kept at most (sum of sizes). */
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** What identifies a document: the route, the representation asked for, and the resource (with parameters). */
    public record Key(String route, String variant, String resource) {}

    /**
     * A rendered answer: 200, or 410 for a deleted object. {@code validUntil}: when it must be rendered
     * again at the latest, for documents that change with time.
     */
    public record Rendered(int status, String contentType, Buffer body, String etag, Set<String> topics, Optional<Instant> validUntil) {
        public static Rendered of(int status, String contentType, String body, Set<String> topics) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Rendered(status, contentType, Buffer.buffer(bytes), Responses.etag(contentType, bytes), topics, Optional.empty());
        }

        public static Rendered json(int status, String contentType, JsonNode doc, Set<String> topics) {
            try {
                byte[] bytes = Responses.JSON.writeValueAsBytes(doc);
                return new Rendered(status, contentType, Buffer.buffer(bytes), Responses.etag(contentType, bytes), topics, Optional.empty());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public Rendered validUntil(Optional<Instant> until) {
            return new Rendered(status, contentType, body, etag, topics, until);
        }
    }

    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence PRIVATE_NO_CACHE = HttpHeaders.createOptimized("private, no-cache");

    private final Changes changes;
    private final CharSequence jsonCacheControl;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Rendered> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key k, Rendered r) -> r.body().length() + k.resource().length() + 200)
            .expireAfter(Expiry.writing((Key k, Rendered r) -> lifetime(r)))
            .build();

    /** @param authorizedFetch JSON answers are for the signed requester only: no shared caches */
    public DocumentCache(Changes changes, boolean authorizedFetch) {
        this.changes = changes;
        this.jsonCacheControl = authorizedFetch ? PRIVATE_NO_CACHE : NO_CACHE;
        changes.subscribe(this);
    }

    /**
     * Answers from the cache, or renders (on this thread), answers and keeps the result. {@code render}
     * throws for answers that are not documents (404 …); they go to the failure handler as before.
     */
    public void respond(RoutingContext ctx, Key key, Supplier<Rendered> render) {
        Rendered r = changes.tracking() ? cache.getIfPresent(key) : null;
        if (r == null) {
            long before = generation.get();
            r = render.get();
            keep(key, r, before);
        }
        send(ctx, r);
    }

    private void keep(Key key, Rendered r, long before) {
        if (!changes.tracking() || generation.get() != before) return;
        cache.put(key, r);
        if (generation.get() != before) cache.invalidate(key); // an invalidation ran while we stored it
    }

    private void send(RoutingContext ctx, Rendered r) {
        var response = ctx.response();
        // Header names as Vert.x's prepared constants: no validation per request.
        response.putHeader(HttpHeaders.CACHE_CONTROL, r.contentType().startsWith("text/html") ? NO_CACHE : jsonCacheControl);
        if (r.status() == 200) {
            response.putHeader(HttpHeaders.ETAG, r.etag());
            if (Responses.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), r.etag())) {
                response.setStatusCode(304).end();
                return;
            }
        }
        response.setStatusCode(r.status()).putHeader(HttpHeaders.CONTENT_TYPE, r.contentType()).end(r.body());
    }

    @Override
    public void changed(Collection<String> topics) {
        generation.incrementAndGet();
        cache.asMap().values().removeIf(r -> topics.stream().anyMatch(r.topics()::contains));
    }

    @Override
    public void lostTrack() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** How many documents are kept (for tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static Duration lifetime(Rendered r) {
        return r.validUntil().map(until -> Duration.between(Instant.now(), until))
                .filter(d -> d.compareTo(LONGEST) < 0).map(d -> d.isNegative() ? Duration.ZERO : d).orElse(LONGEST);
    }
}
