package de.allmende.api;

import de.allmende.testkit.LogCapture;
import de.allmende.testkit.RawHttp;
import de.allmende.testkit.TestNode;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("FailureHandler: client-caused faults that slip past validation are still a 4xx")
class FailureHandlerTest {

    @Test
    @DisplayName("a NUL that reaches PostgreSQL (its real exception, as jOOQ wraps it) → 400, a warning without stack trace")
    void nulRejectedByPostgresIsABadRequest() {
        try (TestNode node = TestNode.start(); LogCapture logs = LogCapture.attach()) {
            RuntimeException fromDatabase = assertThrows(RuntimeException.class,
                    () -> node.node().services().db.dsl().fetch("SELECT ?::text", "a\u0000b"));
            Router router = Router.router(node.node().vertx());
            router.get("/fails").handler(ctx -> ctx.fail(fromDatabase));
            router.route().failureHandler(new FailureHandler());
            HttpServer server = node.node().vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
            try {
                RawHttp.Answer a = RawHttp.send(server.actualPort(), RawHttp.request("GET", "/fails", "127.0.0.1", "", null));
                assertEquals(400, a.status(), a::toString);
                assertTrue(a.body().contains("cannot be stored"), a::toString);
                assertEquals(java.util.List.of(), logs.errorsWithStackTraces());
            } finally {
                server.close().await();
            }
        }
    }

    @Test
    @DisplayName("a chunk size the HTTP decoder gives up on, or a client gone mid-body: no answer possible, and no ERROR either")
    void closedConnectionIsNoError() throws InterruptedException {
        try (TestNode node = TestNode.start(); LogCapture logs = LogCapture.attach()) {
            String head = "Content-Type: application/activity+json\r\nTransfer-Encoding: chunked\r\n";
            RawHttp.send(node.node().port(), RawHttp.request("POST", "/inbox", "127.0.0.1", head, null) + "zz\r\n{}\r\n0\r\n\r\n");
            RawHttp.send(node.node().port(), RawHttp.request("POST", "/inbox", "127.0.0.1", head, null) + "-1\r\n{}\r\n0\r\n\r\n");
            // A request on a new connection is answered after the failures above were handled (one event loop).
            assertEquals(200, RawHttp.send(node.node().port(), RawHttp.request("GET", "/health/live", "127.0.0.1", "", null)).status());
            Thread.sleep(200);
            assertEquals(java.util.List.of(), logs.errorsWithStackTraces());
        }
    }
}
