package de.allmende.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import de.allmende.db.Changes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
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
 *
 * <p><b>Answered on the event loop.</b> Without authorized fetch every kept document is public. A GET or
 * HEAD that asks exactly as an earlier one did (same URI and Accept header, no Origin) is then answered by
 * {@link #answerKept} before any route runs, with the headers the route set for the earlier one: no virtual
 * thread, no rendering. Only the way to the document is remembered; the document itself is looked up in
 * the cache each time, so it is exactly as fresh as above.
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

    /** How a request asked, and what answered it: the document's key, the headers its route set, the route's path. */
    private record Asked(String uri, String accept) {}
    private record Way(Key key, MultiMap headers, String routePath) {}

    private final Changes changes;
    private final CharSequence jsonCacheControl;
    private final boolean publicDocuments;
    private final Cache<Asked, Way> ways = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(LONGEST).build();
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
        this.publicDocuments = !authorizedFetch;
        changes.subscribe(this);
    }

    /**
     * Answers a GET or HEAD from the cache if an earlier request asked exactly so and its document is kept;
     * otherwise passes the request on to the routes. Runs on the event loop: no blocking here.
     */
    public void answerKept(RoutingContext ctx) {
        Asked asked = publicDocuments ? asked(ctx) : null;
        Way way = asked == null ? null : ways.getIfPresent(asked);
        Rendered r = way == null || !changes.tracking() ? null : cache.getIfPresent(way.key());
        if (r == null) {
            ctx.next();
            return;
        }
        ctx.put(ROUTE_PATH, way.routePath());
        ctx.response().headers().addAll(way.headers());
        send(ctx, r);
    }

    /** Where {@link #answerKept} leaves the path of the route whose document it sent (for request metrics). */
    public static final String ROUTE_PATH = "allmende.kept.route";

    private static Asked asked(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) return null;
        if (request.headers().contains(HttpHeaders.ORIGIN)) return null; // CORS answers depend on it
        return new Asked(request.uri(), request.getHeader(HttpHeaders.ACCEPT));
    }

    private void rememberWay(RoutingContext ctx, Key key) {
        Asked asked = publicDocuments ? asked(ctx) : null;
        if (asked == null || ways.getIfPresent(asked) != null) return;
        var route = ctx.currentRoute();
        MultiMap headers = HttpHeaders.headers().addAll(ctx.response().headers());
        ways.put(asked, new Way(key, headers, route == null || route.getPath() == null ? "unmatched" : route.getPath()));
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
        rememberWay(ctx, key);
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
