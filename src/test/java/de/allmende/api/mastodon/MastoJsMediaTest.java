package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastoJsClient;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("masto.js (npm) uploads a picture with alt text and focus, changes the alt text and reads it back")
class MastoJsMediaTest {

    @Test
    void uploadDescribeFetch(@TempDir Path dir) throws Exception {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            MastodonApp.person(node, "pressestelle", "musterstadt", Role.EDITOR);
            String token = MastodonApp.register(node, "https://app.example/callback", "read write").login("pressestelle", "write:media");
            Path photo = Files.write(dir.resolve("rathaus.jpg"), SampleFiles.photo(1200, 900, "jpg"));
            JsonNode r = MastoJsClient.run("media.mjs", node.url(), token, photo.toString());
            assertEquals("image", r.at("/created/type").asText(), r.toString());
            assertEquals("Rathaus im Winter", r.at("/created/description").asText());
            assertEquals(0.25, r.at("/created/focus/x").asDouble());
            assertEquals(1200, r.at("/created/original/width").asInt());
            assertEquals(640, r.at("/created/small/width").asInt());
            assertFalse(r.at("/created/blurhash").asText().isEmpty());
            assertTrue(r.at("/created/previewUrl").asText().startsWith(node.url() + "/media/"), r.toString());
            assertEquals("Rathaus im Schnee", r.at("/updated/description").asText());
            assertEquals(r.at("/updated"), r.at("/fetched"));
        }
    }
}
