package de.allmende.discovery;

import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationsTest {

    @Test
    void livenessReadinessAndPrometheusMetrics() {
        try (TestNode node = TestNode.start()) {
            assertEquals(200, node.get("/health/live", null).statusCode());
            var ready = node.get("/health/ready", null);
            assertEquals(200, ready.statusCode());
            assertTrue(ready.body().contains("\"database\":\"UP\""));
            var metrics = node.get("/metrics", null);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health/ready\",status=\"200\"}"), metrics.body());
        }
    }

    @Test
    void metricsTokenGuardsTheScrapeEndpoint() {
        int port = TestNode.freePort();
        try (TestNode node = TestNode.start("http://127.0.0.1:" + port, port, Map.of("ALLMENDE_METRICS_TOKEN", "s3cret"))) {
            assertEquals(401, node.get("/metrics", null).statusCode());
            var ok = TestNode.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .header("Authorization", "Bearer s3cret").build());
            assertEquals(200, ok.statusCode());
        }
    }

    @Test
    void readinessTurnsRedWhenTheDatabaseIsGone() {
        TestNode node = TestNode.start();
        try {
            node.node().services().db.close(); // the pool is gone: readiness must say so
            assertEquals(503, node.get("/health/ready", null).statusCode());
            assertEquals(200, node.get("/health/live", null).statusCode());
        } finally {
            node.close(); // the workers too: left running, their queue loops would retry the closed pool for the rest of the fork
        }
    }
}
