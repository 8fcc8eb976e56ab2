package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search v2's hashtags (docs.joinmastodon.org/methods/search): tags the node knows from public posts, by the start of
 * their name in any case, as Tag entities with a week of use (Mastodon's history: strings, today first); with no
 * {@code type} too. A followers-only post's tags are nobody's to find.
 */
@DisplayName("Search v2 hashtags: by prefix, any case, with a week of history; followers-only tags stay hidden")
class HashtagSearchTest {
    private static TestNode node;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write").login("kaemmerin", "read write"));
        post("{\"status\": \"Der neue #Radweg am Fluss, gut für den #Radverkehr\"}");
        post("{\"status\": \"Mehr #RADVERKEHR in der Innenstadt\"}");
        post("{\"status\": \"Intern: #Radgeheim\", \"visibility\": \"private\"}");
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("type=hashtags: prefix in any case, the most used first, each with seven days of use, today first")
    void byPrefix() {
        JsonNode tags = hashtags("%23RAD", "&type=hashtags");
        assertEquals(List.of("radverkehr", "radweg"), names(tags), tags.toString());
        JsonNode radverkehr = tags.get(0);
        assertEquals(node.url() + "/tags/radverkehr", radverkehr.path("url").asText());
        JsonNode history = radverkehr.path("history");
        assertEquals(7, history.size(), history.toString());
        long today = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        assertEquals(Long.toString(today), history.at("/0/day").asText());
        assertEquals("2", history.at("/0/uses").asText(), "two posts today");
        assertEquals("1", history.at("/0/accounts").asText(), "by one account");
        assertEquals(Long.toString(today - 86_400), history.at("/1/day").asText());
        assertEquals("0", history.at("/1/uses").asText());
        assertFalse(radverkehr.path("following").asBoolean(true));
    }

    @Test
    @DisplayName("without a type the answer holds hashtags too; a followed tag says so; unknown and odd text finds none")
    void withoutTypeAndFollowing() {
        assertEquals(List.of("radweg"), names(hashtags("radw", "")));
        app.entity("POST", "/api/v1/tags/radweg/follow", null, "Tag");
        assertTrue(hashtags("radweg", "&type=hashtags").get(0).path("following").asBoolean());
        assertEquals(List.of(), names(hashtags("radgeheim", "&type=hashtags")), "a followers-only post's tag");
        assertEquals(List.of(), names(hashtags("%25", "&type=hashtags")), "LIKE's wildcard is no tag");
        assertEquals(List.of(), names(hashtags("fahrrad", "&type=hashtags")));
        assertEquals(0, app.entity("/api/v2/search?q=rad&type=accounts", "Search").path("hashtags").size(), "only what is asked for");
    }

    private static void post(String json) {
        ClientApi.entity(app.send("POST", "/api/v1/statuses", json), "Status");
    }

    /** The hashtags of a search, each checked to be Mastodon's Tag. */
    private static JsonNode hashtags(String encodedQuery, String more) {
        JsonNode tags = app.entity("/api/v2/search?q=" + encodedQuery + more, "Search").path("hashtags");
        MastodonEntities.assertShapes("Tag", tags);
        return tags;
    }

    private static List<String> names(JsonNode tags) {
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add(t.path("name").asText()));
        return out;
    }
}
