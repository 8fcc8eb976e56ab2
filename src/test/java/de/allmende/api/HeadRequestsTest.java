package de.allmende.api;

import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HEAD is answered wherever GET is (RFC 9110 §9.3.2): the same status and headers, no body. */
@DisplayName("HEAD on every GET route: the GET's status and headers, without a body")
class HeadRequestsTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void headAnswersLikeGet() {
        for (String path : List.of("/actors/musterstadt", "/@musterstadt", "/.well-known/nodeinfo", "/nodeinfo/2.1",
                "/.well-known/webfinger?resource=acct:musterstadt@" + URI.create(node.url()).getRawAuthority(), "/health/live")) {
            HttpResponse<String> get = send("GET", path);
            HttpResponse<String> head = send("HEAD", path);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("content-type"), head.headers().firstValue("content-type"), path);
            assertTrue(head.body().isEmpty(), path + " sent a body");
        }
        assertEquals(404, send("HEAD", "/actors/nobody").statusCode());
    }

    private static HttpResponse<String> send(String method, String path) {
        return TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", path.startsWith("/actors") ? "application/activity+json" : "*/*")
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
}
