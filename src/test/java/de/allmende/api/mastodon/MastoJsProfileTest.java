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
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("masto.js (npm) edits the profile as Elk does: multipart update_credentials with avatar, fields and source")
class MastoJsProfileTest {

    @Test
    void updateCredentials(@TempDir Path dir) throws Exception {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            MastodonApp.person(node, "buergermeisterin", "musterstadt", Role.ADMIN);
            String token = MastodonApp.register(node, "https://app.example/callback", "read write").login("buergermeisterin", "read write");
            Path avatar = Files.write(dir.resolve("wappen.png"), SampleFiles.photo(400, 400, "png"));
            JsonNode r = MastoJsClient.run("profile.mjs", node.url(), token, avatar.toString());
            assertEquals(r.at("/updated"), r.at("/me"), "the answer is what verify_credentials shows: " + r);
            assertEquals("Stadt Musterstadt (Rathaus)", r.at("/me/displayName").asText(), r.toString());
            assertEquals("<p>Neuigkeiten aus dem Rathaus.</p>", r.at("/me/note").asText());
            assertTrue(r.at("/me/avatar").asText().startsWith(node.url() + "/media/"), r.toString());
            assertTrue(r.at("/me/locked").asBoolean());
            assertEquals("[\"Rathaus\",\"Telefon\"]", r.at("/me/fields").toString());
            assertEquals("unlisted", r.at("/me/privacy").asText());
            assertEquals("en", r.at("/me/language").asText());
        }
    }
}
