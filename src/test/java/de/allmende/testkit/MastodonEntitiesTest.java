package de.allmende.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape check itself: it accepts what Mastodon documents and names what is missing or mistyped. */
@DisplayName("Mastodon entity shapes: the check accepts the documented shape and names each deviation")
class MastodonEntitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("an Error with its required field passes; without it, or with a number for it, the deviation is named")
    void errorEntity() throws Exception {
        assertEquals(java.util.List.of(), MastodonEntities.problems("Error", JSON.readTree("{\"error\":\"invalid_grant\",\"error_description\":null}")));
        assertTrue(MastodonEntities.problems("Error", JSON.readTree("{}")).toString().contains("error"));
        assertTrue(!MastodonEntities.problems("Error", JSON.readTree("{\"error\":5}")).isEmpty());
    }

    @Test
    @DisplayName("an Account as Mastodon 4.3 sends one passes; a numeric id (apps expect strings) does not")
    void accountEntity() throws Exception {
        ObjectNode account = (ObjectNode) JSON.readTree("""
                {"id":"109302","username":"musterstadt","acct":"musterstadt","display_name":"Stadt Musterstadt",
                 "locked":false,"bot":false,"group":false,"discoverable":true,"indexable":true,
                 "created_at":"2026-12-05T00:00:00.000Z","note":"<p>Offene Verwaltung</p>",
                 "url":"https://example.org/@musterstadt","uri":"https://example.org/actors/musterstadt",
                 "avatar":"https://example.org/avatar.png","avatar_static":"https://example.org/avatar.png",
                 "header":"https://example.org/header.png","header_static":"https://example.org/header.png",
                 "followers_count":3,"following_count":2,"statuses_count":10,"last_status_at":"2026-12-05",
                 "emojis":[],"fields":[{"name":"AGS","value":"09162000","verified_at":null}]}""");
        MastodonEntities.assertShape("Account", account);
        account.put("id", 109302);
        assertTrue(MastodonEntities.problems("Account", account).stream().anyMatch(p -> p.contains("id")));
    }
}
