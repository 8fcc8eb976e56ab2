package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.MastoJsClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("masto.js registers an app, gets an app token by client credentials, verifies and revokes it")
class MastoJsAppsTest {

    @Test
    void appsAndClientCredentials() {
        try (TestNode node = TestNode.start()) {
            JsonNode r = MastoJsClient.run("apps.mjs", node.url());
            assertEquals("masto.js interop", r.at("/app/name").asText());
            assertTrue(r.at("/app/hasSecret").asBoolean());
            assertEquals("Bearer", r.at("/token/tokenType").asText());
            assertEquals("read", r.at("/token/scope").asText());
            assertEquals("masto.js interop", r.at("/verified/name").asText());
            assertEquals(401, r.at("/afterRevoke").asInt(), r.toString());
        }
    }
}
