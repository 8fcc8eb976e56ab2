package de.allmende.federation.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 1, root cause: the inbox fetches a key on the HTTP verticle that serves the request. The old
 * client blocked that verticle's thread, so 8 stalling key servers froze all 8 verticles. Now the fetch
 * waits with {@code Future.await()}, which suspends only the waiting request: the same verticle
 * instance goes on serving others.
 */
@Timeout(30) // a regression would hang the build, not fail it
@DisplayName("A fetch waiting on a virtual-thread verticle does not stop that verticle from serving")
class SafeHttpClientOnVerticleTest {

    /** One instance, like each of the node's HTTP verticles: /fetch fetches from {@code target}, /ping answers. */
    static final class FetchingVerticle extends VerticleBase {
        private final SafeHttpClient client;
        private final URI target;
        volatile int port;

        FetchingVerticle(SafeHttpClient client, URI target) {
            this.client = client;
            this.target = target;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(HttpServer::actualPort)
                    .onSuccess(p -> port = p);
        }

        private void handle(HttpServerRequest request) {
            if (!request.path().equals("/fetch")) {
                request.response().end("pong");
                return;
            }
            try {
                client.get(target, new Limits(Duration.ofSeconds(4), SafeHttpClient.MAX_BODY), Map.of(), u -> Map.of());
                request.response().end("fetched");
            } catch (IOException e) {
                request.response().setStatusCode(504).end(e.getClass().getSimpleName());
            }
        }
    }

    @Test
    @DisplayName("while /fetch waits for a stalling key server, /ping on the same verticle answers at once")
    void verticleServesWhileFetchWaits() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ScriptedServer stalling = ScriptedServer.start(ScriptedServer.ONE_BYTE_THEN_SILENCE);
             SafeHttpClient client = new SafeHttpClient(true)) {
            FetchingVerticle verticle = new FetchingVerticle(client, stalling.url("/key"));
            vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)).await();
            HttpClient browser = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + verticle.port);

            CompletableFuture<HttpResponse<String>> fetch =
                    browser.sendAsync(HttpRequest.newBuilder(base.resolve("/fetch")).build(), HttpResponse.BodyHandlers.ofString());
            while (stalling.accepted() < 1) Thread.sleep(10);
            Thread.sleep(200); // the fetch is now reading the stalled body

            long start = System.nanoTime();
            HttpResponse<String> ping = browser.send(HttpRequest.newBuilder(base.resolve("/ping")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("pong", ping.body());
            assertTrue(tookMs < 1000, "answered while the fetch waited: " + tookMs + " ms");
            assertTrue(!fetch.isDone(), "the fetch was still waiting then");

            assertEquals(504, fetch.get().statusCode(), "and the fetch itself ended at its deadline");
        } finally {
            vertx.close().await();
        }
    }
}
