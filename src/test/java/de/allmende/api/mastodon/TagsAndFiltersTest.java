package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hashtags and filters (issue 10): the tag timeline over received public posts, following a tag (its posts join the
 * home timeline), and filters v2 and v1 acting on the home timeline — a keyword match is marked ({@code filtered}) or,
 * with {@code hide}, left out. Another municipality's filter ids are 404. Bodies are held against Mastodon's shapes.
 */
@DisplayName("Client API: hashtags and filters")
class TagsAndFiltersTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static ClientApi erika;
    private static ClientApi bodo;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "bodo", "beispieldorf", Role.EDITOR);
        MastodonApp app = MastodonApp.register(node, "https://app.example/callback", "read write");
        erika = new ClientApi(node, app.login("erika", "read write"));
        bodo = new ClientApi(node, app.login("bodo", "read write"));
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        URI follow = node.node().services().follows.follow(node.actor("musterstadt"), anna.id());
        ObjectNode accept = remote.activity(anna, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", node.actorIri("musterstadt").toString()).put("object", anna.id().toString());
        deliver(accept);
        TestNode.await("the follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("tag timeline: a received public post with #Radverkehr, found in any spelling, with any[], all[] and none[]")
    void tagTimeline() {
        FakeRemote.Actor bernd = remote.actor("bernd");
        String tagged = post(bernd, "<p>Neue Wege #Radverkehr #Schulweg</p>", "Radverkehr", "Schulweg");
        String other = post(bernd, "<p>Nur #Schulweg</p>", "Schulweg");
        assertEquals(List.of(tagged), ids(erika.list("/api/v1/timelines/tag/radverkehr", "Status")), "a post whose author nobody here follows");
        assertEquals(List.of(tagged), ids(erika.list("/api/v1/timelines/tag/Radverkehr", "Status")));
        JsonNode status = erika.list("/api/v1/timelines/tag/radverkehr", "Status").get(0);
        assertTrue(status.path("tags").toString().contains("\"name\":\"radverkehr\""), status.path("tags").toString());
        assertEquals(List.of(other, tagged), ids(erika.list("/api/v1/timelines/tag/radverkehr?any[]=schulweg", "Status")));
        assertEquals(List.of(tagged), ids(erika.list("/api/v1/timelines/tag/schulweg?all[]=radverkehr", "Status")));
        assertEquals(List.of(other), ids(erika.list("/api/v1/timelines/tag/schulweg?none[]=radverkehr", "Status")));
        assertEquals(List.of(), ids(erika.list("/api/v1/timelines/tag/radverkehr?local=true", "Status")));
        assertEquals(List.of(tagged), ids(erika.list("/api/v1/timelines/tag/radverkehr?remote=true", "Status")));
        assertEquals(List.of(), ids(erika.list("/api/v1/timelines/tag/nirgends", "Status")));
        assertEquals(404, erika.error("/api/v1/timelines/tag/a%20b"));
    }

    @Test
    @DisplayName("following a tag: the Tag says so, followed_tags lists it, its public posts join the home timeline until unfollowed")
    void followTag() {
        JsonNode tag = erika.entity("/api/v1/tags/B%C3%BCrgerhaushalt", "Tag");
        assertEquals("bürgerhaushalt", tag.path("name").asText());
        assertFalse(tag.path("following").asBoolean());
        assertEquals(0, tag.path("history").size());
        String stranger = post(remote.actor("carla"), "<p>Unser #Bürgerhaushalt</p>", "Bürgerhaushalt");
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(stranger));

        assertTrue(erika.entity("POST", "/api/v1/tags/B%C3%BCrgerhaushalt/follow", null, "Tag").path("following").asBoolean());
        assertTrue(erika.entity("/api/v1/tags/b%C3%BCrgerhaushalt", "Tag").path("following").asBoolean());
        assertEquals(List.of("bürgerhaushalt"), names(erika.list("/api/v1/followed_tags", "Tag")));
        assertTrue(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(stranger), "a followed tag's public post");
        assertFalse(bodo.entity("/api/v1/tags/b%C3%BCrgerhaushalt", "Tag").path("following").asBoolean(), "Musterstadt's, not Beispieldorf's");

        assertFalse(erika.entity("POST", "/api/v1/tags/b%C3%BCrgerhaushalt/unfollow", null, "Tag").path("following").asBoolean());
        assertEquals(List.of(), names(erika.list("/api/v1/followed_tags", "Tag")));
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(stranger));
    }

    @Test
    @DisplayName("filters v2: a keyword marks a home status (FilterResult), whole words only; hide leaves it out; keywords and statuses")
    void filtersV2() {
        String roadworks = post(anna, "<p>Die Baustelle am Markt ist fertig</p>");
        String compound = post(anna, "<p>Neue Baustellenampel</p>");
        JsonNode filter = erika.entity("POST", "/api/v2/filters", """
                {"title":"Baustellen","context":["home","public"],"filter_action":"warn",
                 "keywords_attributes":[{"keyword":"baustelle","whole_word":true}]}""", "Filter");
        String id = filter.path("id").asText();
        assertEquals(List.of("home", "public"), texts(filter.path("context")));
        JsonNode marked = statusOnHome(roadworks);
        MastodonEntities.assertShapes("FilterResult", marked.path("filtered"));
        assertEquals(id, marked.at("/filtered/0/filter/id").asText());
        assertEquals(List.of("baustelle"), texts(marked.at("/filtered/0/keyword_matches")));
        assertEquals(0, statusOnHome(compound).path("filtered").size(), "a whole word, not part of one");

        JsonNode hidden = erika.entity("PUT", "/api/v2/filters/" + id, "{\"filter_action\":\"hide\"}", "Filter");
        assertEquals("hide", hidden.path("filter_action").asText());
        assertEquals("Baustellen", hidden.path("title").asText(), "what the call leaves out stays");
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(roadworks), "hide leaves it out");
        assertEquals(1, erika.list("/api/v2/filters", "Filter").size());

        JsonNode keyword = erika.entity("POST", "/api/v2/filters/" + id + "/keywords", "{\"keyword\":\"ampel\",\"whole_word\":false}", "FilterKeyword");
        assertEquals(2, erika.list("/api/v2/filters/" + id + "/keywords", "FilterKeyword").size());
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(compound), "a part of a word, where whole_word is off");
        String keywordId = keyword.path("id").asText();
        assertEquals("ampel", erika.entity("/api/v2/filters/keywords/" + keywordId, "FilterKeyword").path("keyword").asText());
        assertEquals("Ampeln", erika.entity("PUT", "/api/v2/filters/keywords/" + keywordId, "{\"keyword\":\"Ampeln\"}", "FilterKeyword")
                .path("keyword").asText());
        ClientApi.ok(erika.send("DELETE", "/api/v2/filters/keywords/" + keywordId, null));
        assertEquals(404, erika.error("/api/v2/filters/keywords/" + keywordId));

        erika.entity("PUT", "/api/v2/filters/" + id, "{\"filter_action\":\"warn\"}", "Filter");
        JsonNode byStatus = erika.entity("POST", "/api/v2/filters/" + id + "/statuses", "{\"status_id\":\"" + compound + "\"}", "FilterStatus");
        assertEquals(compound, byStatus.path("status_id").asText());
        assertEquals(List.of(compound), texts(statusOnHome(compound).at("/filtered/0/status_matches")));
        assertEquals(1, erika.list("/api/v2/filters/" + id + "/statuses", "FilterStatus").size());
        String filteredStatus = byStatus.path("id").asText();
        erika.entity("/api/v2/filters/statuses/" + filteredStatus, "FilterStatus");

        for (String path : List.of("/api/v2/filters/" + id, "/api/v2/filters/" + id + "/keywords", "/api/v2/filters/statuses/" + filteredStatus,
                "/api/v2/filters/keywords/" + filter.at("/keywords/0/id").asText())) {
            assertEquals(404, bodo.error(path), "another municipality's: " + path);
        }
        assertEquals(404, bodo.error("DELETE", "/api/v2/filters/" + id, null));
        assertEquals(0, bodo.list("/api/v2/filters", "Filter").size());
        assertEquals(422, erika.error("POST", "/api/v2/filters", "{\"title\":\"x\",\"context\":[\"überall\"]}"));
        assertEquals(422, erika.error("POST", "/api/v2/filters", "{\"title\":\"x\",\"context\":[\"home\"],\"filter_action\":\"weg\"}"));

        ClientApi.ok(erika.send("DELETE", "/api/v2/filters/" + id, null));
        assertEquals(404, erika.error("/api/v2/filters/" + id));
        assertEquals(0, statusOnHome(roadworks).path("filtered").size());
    }

    @Test
    @DisplayName("filters v2 from a form (Mastodon.py, Tusky): keywords_attributes[][…], an expiry; an expired filter acts no more")
    void filterFromFormExpires() {
        String market = post(anna, "<p>Wochenmarkt heute verlegt</p>");
        var r = erika.form("POST", "/api/v2/filters", "title=Markt&context%5B%5D=home&context%5B%5D=thread&expires_in=3600"
                + "&keywords_attributes%5B%5D%5Bkeyword%5D=Wochenmarkt&keywords_attributes%5B%5D%5Bwhole_word%5D=false"
                + "&keywords_attributes%5B%5D%5Bkeyword%5D=verlegt");
        JsonNode filter = ClientApi.ok(r);
        MastodonEntities.assertShape("Filter", filter);
        assertEquals(List.of("home", "thread"), texts(filter.path("context")));
        assertEquals(List.of("Wochenmarkt", "verlegt"), filter.path("keywords").findValuesAsText("keyword"));
        assertFalse(filter.at("/keywords/0/whole_word").asBoolean());
        assertTrue(filter.at("/keywords/1/whole_word").asBoolean(), "Mastodon's default");
        assertFalse(filter.path("expires_at").isNull());
        assertEquals(List.of("Wochenmarkt", "verlegt"), texts(statusOnHome(market).at("/filtered/0/keyword_matches")));

        node.execute("UPDATE client_filter SET expires_at = now() - interval '1 minute' WHERE id = " + filter.path("id").asText());
        assertEquals(0, statusOnHome(market).path("filtered").size(), "expired");
        ClientApi.ok(erika.send("DELETE", "/api/v2/filters/" + filter.path("id").asText(), null));
    }

    @Test
    @DisplayName("filters v1 (older apps): a phrase is a v2 filter with one keyword; irreversible is hide; deleting removes it")
    void filtersV1() {
        String closure = post(anna, "<p>Sperrung der Hauptstraße</p>");
        JsonNode v1 = erika.entity("POST", "/api/v1/filters", "{\"phrase\":\"Sperrung\",\"context\":[\"home\"],\"whole_word\":true}", "V1Filter");
        String id = v1.path("id").asText();
        assertFalse(v1.path("irreversible").asBoolean());
        assertEquals(List.of(id), ids(erika.list("/api/v1/filters", "V1Filter")));
        JsonNode v2 = erika.list("/api/v2/filters", "Filter").get(0);
        assertEquals("Sperrung", v2.path("title").asText());
        assertEquals(id, v2.at("/keywords/0/id").asText(), "the v1 id is the keyword's");
        assertEquals("Sperrung", texts(statusOnHome(closure).at("/filtered/0/keyword_matches")).getFirst());

        JsonNode changed = erika.entity("PUT", "/api/v1/filters/" + id, "{\"phrase\":\"Sperrung\",\"context\":[\"home\"],\"irreversible\":true}", "V1Filter");
        assertTrue(changed.path("irreversible").asBoolean());
        assertEquals("hide", erika.entity("/api/v2/filters/" + v2.path("id").asText(), "Filter").path("filter_action").asText());
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(closure));
        assertEquals(id, erika.entity("/api/v1/filters/" + id, "V1Filter").path("id").asText());
        assertEquals(404, bodo.error("/api/v1/filters/" + id));

        ClientApi.ok(erika.send("DELETE", "/api/v1/filters/" + id, null));
        assertEquals(404, erika.error("/api/v1/filters/" + id));
        assertEquals(0, erika.list("/api/v1/filters", "V1Filter").size());
        ClientApi.ok(erika.send("DELETE", "/api/v2/filters/" + v2.path("id").asText(), null));
    }

    private static JsonNode statusOnHome(String id) {
        for (JsonNode s : erika.list("/api/v1/timelines/home?limit=40", "Status")) if (s.path("id").asText().equals(id)) return s;
        throw new AssertionError("status " + id + " is not on the home timeline");
    }

    /** A public note by {@code author} with these hashtags, delivered and stored; its status id. */
    private static String post(FakeRemote.Actor author, String content, String... hashtags) {
        ObjectNode note = remote.note(author, content);
        var tags = note.putArray("tag");
        for (String t : hashtags) tags.addObject().put("type", "Hashtag").put("name", "#" + t).put("href", remote.base() + "/tags/" + t);
        deliver(remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return Long.toString(node.count("SELECT id FROM post WHERE iri = '" + iri + "'"));
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("name").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
