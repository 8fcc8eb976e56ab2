package de.allmende.api.streaming;

import de.allmende.api.mastodon.ClientAuth;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.service.client.AccountReads;
import de.allmende.service.stream.StreamHub;
import de.allmende.service.stream.StreamName;
import de.allmende.service.stream.StreamName.Kind;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * Mastodon's streaming API (docs.joinmastodon.org/methods/streaming) on the node's own port: the WebSocket at
 * {@code /api/v1/streaming} and one server-sent event stream per path. The route's guard has checked the token
 * (header, {@code access_token} or {@code Sec-WebSocket-Protocol}); here each stream's scope, the limits per
 * token and address, then the connection joins this process's {@link StreamHub}.
 */
public final class StreamingHandler {
    private final StreamHub hub;
    private final AccountReads accounts;

    public StreamingHandler(StreamHub hub, AccountReads accounts) {
        this.hub = hub;
        this.accounts = accounts;
    }

    /** Mastodon's health check of the streaming server. */
    public void health(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain").end("OK");
    }

    /** The server-sent event stream of one kind; hashtag and list streams name theirs by {@code tag} and {@code list}. */
    public Handler<RoutingContext> events(Kind kind) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            Kind k = kind == Kind.PUBLIC || kind == Kind.PUBLIC_LOCAL || kind == Kind.PUBLIC_REMOTE ? withMedia(kind, request) : kind;
            StreamName stream = StreamName.parse(k.wire(), request.getParam("tag"), request.getParam("list"))
                    .orElseThrow(() -> ApiException.badRequest(kind == Kind.LIST ? "Missing list" : "Missing tag"));
            ClientGrant grant = ClientAuth.grant(ctx);
            requireScope(grant, stream);
            Viewer viewer = accounts.viewer(grant.user().orElseThrow().municipality());
            String address = address(request);
            hub.admit(grant.tokenId(), address);
            HttpServerResponse response = ctx.response();
            response.setChunked(true).setWriteQueueMaxSize(hub.limits().queueBytes())
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Encoding", "identity") // never compressed: a compressor would hold events back
                    .putHeader("X-Accel-Buffering", "no");
            SseStream sse = new SseStream(viewer, grant.tokenId(), ClientAuth.presentedToken(request), address, hub, response, stream);
            response.closeHandler(v -> sse.closed());
            hub.register(sse);
            response.write(":)\n");
        };
    }

    /** The WebSocket: the streams of {@code ?stream=} at once, then whatever the client subscribes to. */
    public void socket(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!de.allmende.api.server.OnVirtualThread.upgrade(request)) {
            throw ApiException.notFound("Not Found"); // Mastodon: streaming lives on this host, no redirect
        }
        ClientGrant grant = ClientAuth.grant(ctx);
        Optional<StreamName> initial = Optional.ofNullable(request.getParam("stream"))
                .map(name -> StreamName.parse(name, request.getParam("tag"), request.getParam("list"))
                        .orElseThrow(() -> ApiException.badRequest("Unknown stream type")));
        if (initial.isPresent()) requireScope(grant, initial.get());
        Viewer viewer = accounts.viewer(grant.user().orElseThrow().municipality());
        String address = address(request);
        hub.admit(grant.tokenId(), address);
        String token = ClientAuth.presentedToken(request);
        ServerWebSocket ws = upgradePaused(request);
        ws.setWriteQueueMaxSize(hub.limits().queueBytes());
        SocketStream socket = new SocketStream(viewer, grant.tokenId(), token, address, hub, ws, grant.scopes());
        initial.ifPresent(socket::subscribe);
        ws.closeHandler(v -> socket.closed());
        ws.textMessageHandler(socket::received);
        ws.exceptionHandler(e -> socket.close("broken: " + e.getMessage()));
        try {
            hub.register(socket);
        } catch (ApiException tooMany) {
            socket.close(tooMany.getMessage());
        }
        ws.resume();
    }

    /**
     * Upgrades on the connection's event loop and pauses the socket there, in the same task as the handshake: a
     * client may send its first {@code subscribe} right after the handshake, and a frame read before this
     * (virtual) thread has set the message handler would otherwise be dropped. Paused, it waits in the queue.
     */
    private static ServerWebSocket upgradePaused(HttpServerRequest request) {
        Promise<ServerWebSocket> upgraded = Promise.promise();
        ((HttpServerRequestInternal) request).context().runOnContext(v -> request.toWebSocket()
                .onSuccess(ServerWebSocket::pause)
                .onComplete(upgraded));
        return upgraded.future().await();
    }

    private static Kind withMedia(Kind kind, HttpServerRequest request) {
        if (!"true".equals(request.getParam("only_media"))) return kind;
        return switch (kind) {
            case PUBLIC_LOCAL -> Kind.PUBLIC_LOCAL_MEDIA;
            case PUBLIC_REMOTE -> Kind.PUBLIC_REMOTE_MEDIA;
            default -> Kind.PUBLIC_MEDIA;
        };
    }

    private static void requireScope(ClientGrant grant, StreamName stream) {
        if (!grant.scopes().allowsAny(List.of("read", stream.kind().scope()))) {
            throw ApiException.forbidden("This action is outside the authorized scopes");
        }
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    }
}
