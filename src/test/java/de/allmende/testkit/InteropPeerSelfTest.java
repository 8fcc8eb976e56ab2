package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the Fedify interop peer and checks that it serves its actor and control API. */
class InteropPeerSelfTest {

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    @Test
    void servesActorAsActivityJson() throws Exception {
        try (InteropPeer peer = InteropPeer.start(repoRoot())) {
            assertEquals(URI.create("http://127.0.0.1:" + peer.port() + "/users/peer"), peer.actor());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(peer.actor())
                            .header("Accept", "application/activity+json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(contentType.startsWith("application/activity+json"), "Content-Type was " + contentType);

            JsonNode actor = new ObjectMapper().readTree(r.body());
            assertEquals("Person", actor.path("type").asText());
            assertEquals("peer", actor.path("preferredUsername").asText());
            assertEquals(peer.actor().toString(), actor.path("id").asText());
            assertTrue(actor.path("publicKey").path("publicKeyPem").asText().contains("BEGIN PUBLIC KEY"));

            assertTrue(peer.inbox().isEmpty());
            assertTrue(peer.followers().isEmpty());
            assertTrue(peer.following().isEmpty());
            peer.reset();
        }
    }
}
