package de.allmende.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Small helpers so handlers stay one call per response. */
public final class Responses {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    public static void json(RoutingContext ctx, int status, String contentType, JsonNode body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", contentType)
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    public static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", MediaTypes.HTML).end(body);
    }

    /**
     * A public document that caches may keep for {@code maxAgeSeconds}, then revalidate: the ETag is
     * a hash of the body, and a matching If-None-Match gets 304 without it.
     */
    public static void cacheable(RoutingContext ctx, String contentType, String body, int maxAgeSeconds) {
        cacheable(ctx, contentType, body.getBytes(StandardCharsets.UTF_8), maxAgeSeconds);
    }

    /** {@link #cacheable(RoutingContext, String, String, int)} for a binary body (an image). */
    public static void cacheable(RoutingContext ctx, String contentType, byte[] body, int maxAgeSeconds) {
        String etag = etag(null, body);
        allowAnyOrigin(ctx);
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", contentType).end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    static String etag(String body) {
        return etag(null, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A strong validator: a hash of the body and, when given, its content type (the same bytes as
     * activity+json and as ld+json are two representations and need two tags).
     */
    static String etag(String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (contentType != null) sha.update((contentType + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha.digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match uses the weak comparison: W/ prefixes are ignored; "*" matches any current representation. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals("*") || c.equals(etag)) return true;
        }
        return false;
    }

    /** Public, cacheable discovery documents may be read from any origin (browser clients, CORS). */
    public static void allowAnyOrigin(RoutingContext ctx) {
        ctx.response().putHeader("Access-Control-Allow-Origin", "*");
    }
}
