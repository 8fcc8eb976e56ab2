package de.allmende.federation.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its response on the client's event loop, sent to the address the caller checked.
 * It fails at the deadline or as soon as the body outgrows the cap; either way the request is reset,
 * which closes an HTTP/1.1 connection, so a stalling server keeps nothing of ours.
 */
final class Exchange {
    /** One hop of a call: where to connect (already checked), and what to send. */
    record Hop(HttpMethod method, URI uri, InetAddress address, Map<String, String> headers, byte[] body) {}

    private final Vertx vertx;
    private final Hop hop;
    private final Deadline deadline;
    private final int maxBytes;
    private final Promise<SafeHttpClient.Response> result = Promise.promise();
    private final Buffer received = Buffer.buffer();
    // Touched only on the exchange's own event loop (its context), so no locking.
    private long timer;
    private HttpClientRequest request;
    private boolean done;

    private Exchange(Vertx vertx, Hop hop, Deadline deadline, int maxBytes) {
        this.vertx = vertx;
        this.hop = hop;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    static Future<SafeHttpClient.Response> start(Vertx vertx, HttpClient client, Hop hop, Deadline deadline, int maxBytes) {
        Exchange exchange = new Exchange(vertx, hop, deadline, maxBytes);
        // Called from a virtual thread, not from this Vertx: this makes a fresh event-loop context, and
        // everything below (timer, connection, response handlers) runs on it, one thing at a time.
        vertx.getOrCreateContext().runOnContext(v -> exchange.begin(client));
        return exchange.result.future();
    }

    private void begin(HttpClient client) {
        timer = vertx.setTimer(deadline.remainingMillis(), id -> fail(deadline.exceeded(hop.method() + " " + hop.uri())));
        client.request(options()).onComplete(ar -> {
            if (ar.failed()) fail(ar.cause());
            else send(ar.result());
        });
    }

    private RequestOptions options() {
        URI uri = hop.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = port(uri);
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(hop.method())
                // The socket goes to the checked address; Host, SNI and the certificate check use the name.
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(hop.address(), port)))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(target)
                .setConnectTimeout(deadline.remainingMillis())
                .setFollowRedirects(false);
        hop.headers().forEach(options::putHeader);
        return options;
    }

    /** The URI's port, or its scheme's default. */
    static int port(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private void send(HttpClientRequest req) {
        if (done) { // the deadline passed while connecting
            req.reset();
            return;
        }
        request = req;
        Future<HttpClientResponse> response = hop.body() == null ? req.send() : req.send(Buffer.buffer(hop.body()));
        response.onComplete(ar -> {
            if (ar.failed()) fail(ar.cause());
            else receive(ar.result());
        });
    }

    private void receive(HttpClientResponse response) {
        if (done) return;
        long announced = contentLength(response);
        if (announced > maxBytes) {
            fail(tooLarge("announces " + announced + " bytes"));
            return;
        }
        response.exceptionHandler(this::fail);
        response.handler(chunk -> {
            if (done) return;
            if (received.length() + chunk.length() > maxBytes) fail(tooLarge("sent more than " + maxBytes + " bytes"));
            else received.appendBuffer(chunk);
        });
        response.endHandler(v -> succeed(response));
    }

    private void succeed(HttpClientResponse response) {
        if (done) return;
        done = true;
        vertx.cancelTimer(timer);
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : response.headers().names()) headers.put(name.toLowerCase(), response.headers().getAll(name));
        result.complete(new SafeHttpClient.Response(response.statusCode(), hop.uri(), headers, received.getBytes()));
    }

    private void fail(Throwable cause) {
        if (done) return;
        done = true;
        vertx.cancelTimer(timer);
        if (request != null) request.reset();
        result.fail(cause instanceof IOException ? cause : new IOException(hop.method() + " " + hop.uri() + ": " + cause.getMessage(), cause));
    }

    private SafeHttpClient.ResponseTooLargeException tooLarge(String what) {
        return new SafeHttpClient.ResponseTooLargeException("response from " + hop.uri().getHost() + " " + what
                + "; at most " + maxBytes + " are read");
    }

    private static long contentLength(HttpClientResponse response) {
        String value = response.getHeader("content-length");
        if (value == null) return -1;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty's decoder rejects malformed lengths; nothing to announce then
        }
    }
}
