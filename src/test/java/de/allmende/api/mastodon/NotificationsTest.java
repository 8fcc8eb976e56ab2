package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.people.Role;
import de.allmende.service.notifications.NotificationWriter;
import de.allmende.store.EventStore;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications (issue 10) as a staff member's app reads them: a Mastodon-shaped peer follows the municipality,
 * favourites and boosts its post, mentions it, edits a post it boosted; each becomes one notification of Mastodon's
 * type, shaped as Mastodon documents it. Taking a favourite back removes its notification; dismiss, clear and paging
 * work; another municipality's staff see none of it.
 */
@DisplayName("Client API notifications: follow, follow_request, favourite, reblog, mention, update")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static ClientApi app;
    private static ClientApi other;
    private static String annaAcct;
    private static ObjectNode annasLike;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        annaAcct = "anna@" + anna.id().getRawAuthority();
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "buergermeister", "beispieldorf", Role.ADMIN);
        MastodonApp mastodonApp = MastodonApp.register(node, "https://app.example/callback", "read write");
        app = new ClientApi(node, mastodonApp.login("kaemmerin", "read write"));
        other = new ClientApi(node, mastodonApp.login("buergermeister", "read write"));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @Order(1)
    @DisplayName("follow, favourite, reblog and mention arrive through the inbox as notifications of those types, newest first")
    void typesFromTheInbox() {
        deliver(remote.follow(anna, node.actorIri("musterstadt")));
        awaitNotifications(app, 1);
        URI ours = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Haushalt 2027 beschlossen</p>");
        annasLike = remote.like(anna, ours);
        deliver(annasLike);
        awaitNotifications(app, 2); // one after the other: the inbox applies activities in parallel
        deliver(announce(anna, ours));
        awaitNotifications(app, 3);
        String mention = mention(anna, "<p>Glückwunsch @musterstadt!</p>");
        List<JsonNode> all = awaitNotifications(app, 4);

        assertEquals(List.of("mention", "reblog", "favourite", "follow"), all.stream().map(n -> n.path("type").asText()).toList());
        all.forEach(n -> assertEquals(annaAcct, n.at("/account/acct").asText(), n.toString()));
        assertEquals(ours.toString(), all.get(1).at("/status/uri").asText(), "a reblog's status is the boosted post");
        assertEquals(ours.toString(), all.get(2).at("/status/uri").asText());
        assertEquals(mention, all.get(0).at("/status/uri").asText(), "a mention's status is the mentioning post");
        assertTrue(all.get(3).path("status").isMissingNode(), "a follow has no status");
        assertEquals("ungrouped-" + all.get(0).path("id").asText(), all.get(0).path("group_key").asText());
        assertTrue(all.get(2).path("group_key").asText().startsWith("favourite-"), all.get(2).toString());

        JsonNode one = app.entity("/api/v1/notifications/" + all.get(1).path("id").asText(), "Notification");
        assertEquals(all.get(1), one);
        assertEquals(List.of("mention"), types(app.list("/api/v1/notifications?types[]=mention", "Notification")));
        assertEquals(List.of("reblog", "favourite"),
                types(app.list("/api/v1/notifications?exclude_types[]=mention&exclude_types[]=follow", "Notification")));
        String annaId = all.get(0).at("/account/id").asText();
        assertEquals(4, app.list("/api/v1/notifications?account_id=" + annaId, "Notification").size());
        assertEquals(0, app.list("/api/v1/notifications?account_id=1", "Notification").size());
        assertEquals(0, app.list("/api/v1/notifications?types[]=poll", "Notification").size(), "a type never written matches nothing");
        assertEquals(4, app.entity("/api/v1/notifications/unread_count", "CountResponse").path("count").asInt());

        // What streaming pushes: each notification announced by one NotificationCreated event, as the list shows it.
        var s = node.node().services();
        var handler = de.allmende.api.HttpHandlers.create(s).mastodon().notifications();
        List<JsonNode> announced = new ArrayList<>();
        for (long id : s.db.dsl().fetch("SELECT id FROM domain_event WHERE kind = 'notification_created'").getValues(0, Long.class)) {
            var created = (de.allmende.domain.event.NotificationCreated) new EventStore().find(s.db.dsl(), id).orElseThrow();
            assertEquals(node.actorIri("musterstadt"), created.subject(), "for whom");
            announced.add(handler.entity(created).orElseThrow());
        }
        announced.sort(java.util.Comparator.comparing((JsonNode n) -> Long.parseLong(n.path("id").asText())).reversed());
        assertEquals(all, announced);
    }

    @Test
    @Order(2)
    @DisplayName("another municipality's staff see none of them: an empty list, and 404 for each by id, dismiss included")
    void otherMunicipality() {
        assertEquals(0, other.list("/api/v1/notifications", "Notification").size());
        for (JsonNode n : app.list("/api/v1/notifications", "Notification")) {
            assertEquals(404, other.error("/api/v1/notifications/" + n.path("id").asText()));
            assertEquals(404, post(other, "/api/v1/notifications/" + n.path("id").asText() + "/dismiss").statusCode());
        }
        assertEquals(4, app.list("/api/v1/notifications", "Notification").size(), "still there for their owner");
    }

    @Test
    @Order(3)
    @DisplayName("exactly once: the consumer applying the same event again writes nothing; an Undo of the Like removes its notification")
    void onceAndTakenBack() throws Exception {
        var s = node.node().services();
        long liked = node.count("SELECT id FROM domain_event WHERE kind = 'liked' ORDER BY id DESC LIMIT 1");
        var event = new EventStore().find(s.db.dsl(), liked).orElseThrow();
        new NotificationWriter(s.db, s.iris).apply(liked, event);
        new NotificationWriter(s.db, s.iris).apply(liked, event);
        assertEquals(1, node.count("SELECT count(*) FROM notification WHERE type = 'favourite'"));

        ObjectNode undo = remote.activity(anna, "Undo");
        undo.set("object", annasLike.deepCopy().without("@context"));
        deliver(undo);
        TestNode.await("the favourite's notification goes with it",
                () -> app.list("/api/v1/notifications?types[]=favourite", "Notification").isEmpty());
        assertEquals(3, app.list("/api/v1/notifications", "Notification").size());
    }

    @Test
    @Order(4)
    @DisplayName("a follow waits as follow_request at a municipality that approves followers; approving it leaves no notification of it")
    void followRequest() {
        node.create(new MunicipalityInput("tordorf", "Gemeinde Tordorf", null, null, null, null, null, null, null, true));
        MastodonApp.person(node, "torwart", "tordorf", Role.ADMIN);
        ClientApi locked = new ClientApi(node, MastodonApp.register(node, "https://app.example/cb", "read").login("torwart", "read"));
        FakeRemote.Actor bernd = remote.actor("bernd");
        deliver(remote.follow(bernd, node.actorIri("tordorf")));
        assertEquals(List.of("follow_request"), types(awaitNotifications(locked, 1)));
        node.node().services().followRequests.approve(node.actor("tordorf"), bernd.id());
        TestNode.await("the request's notification goes once it is decided", () -> awaitNotifications(locked, 0).isEmpty());
        assertEquals(0, node.count("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                + " JOIN actor act ON act.id = a.local_actor_id WHERE act.handle = 'tordorf'"));
    }

    @Test
    @Order(5)
    @DisplayName("update: the peer edits a post the municipality boosted")
    void update() {
        ObjectNode create = remote.createNote(anna, "<p>Sitzung am Dienstag</p>");
        String note = create.at("/object/id").asText();
        deliver(create);
        TestNode.await("the note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + note + "'") == 1);
        node.node().services().boosts.boost(node.actor("musterstadt"), URI.create(note));
        ObjectNode update = remote.activity(anna, "Update");
        ObjectNode edited = ((ObjectNode) create.get("object").deepCopy()).put("content", "<p>Sitzung am Mittwoch</p>")
                .put("updated", java.time.Instant.now().toString());
        update.set("object", edited);
        deliver(update);
        JsonNode n = awaitNotifications(app, 4).get(0);
        assertEquals("update", n.path("type").asText());
        assertEquals(note, n.at("/status/uri").asText());
        assertTrue(n.at("/status/content").asText().contains("Mittwoch"), n.toString());
    }

    @Test
    @Order(6)
    @DisplayName("paging by Link headers (max_id, min_id), since_id; dismiss one; clear all; scopes: read cannot dismiss")
    void pagingDismissClear() {
        for (int i = 1; i <= 3; i++) mention(anna, "<p>@musterstadt Frage " + i + "</p>");
        List<JsonNode> all = awaitNotifications(app, 7);
        List<String> ids = all.stream().map(n -> n.path("id").asText()).toList();

        var first = app.get("/api/v1/notifications?limit=3");
        assertEquals(ids.subList(0, 3), idsOf(ClientApi.list(first, "Notification")));
        var second = app.get(ClientApi.links(first).get("next"));
        assertEquals(ids.subList(3, 6), idsOf(ClientApi.list(second, "Notification")));
        assertEquals(ids.subList(0, 3), idsOf(ClientApi.list(app.get(ClientApi.links(second).get("prev")), "Notification")));
        assertEquals(ids.subList(0, 2), idsOf(app.list("/api/v1/notifications?since_id=" + ids.get(2), "Notification")));

        ClientApi readOnly = new ClientApi(node, MastodonApp.register(node, "https://app.example/ro", "read").login("kaemmerin", "read"));
        assertEquals(403, post(readOnly, "/api/v1/notifications/clear").statusCode());
        assertEquals(200, post(app, "/api/v1/notifications/" + ids.get(0) + "/dismiss").statusCode());
        assertEquals(404, app.error("/api/v1/notifications/" + ids.get(0)));
        assertEquals(ids.subList(1, 7), idsOf(app.list("/api/v1/notifications", "Notification")));
        assertEquals(200, post(app, "/api/v1/notifications/clear").statusCode());
        assertEquals(0, app.list("/api/v1/notifications", "Notification").size());
        assertEquals(0, app.entity("/api/v1/notifications/unread_count", "CountResponse").path("count").asInt());
        assertEquals(401, new ClientApi(node, null).error("/api/v1/notifications"));
    }

    @Test
    @Order(7)
    @DisplayName("masto.js (npm) pages the mentions by their Link headers, reads and dismisses one, and resolves a peer by handle")
    void mastoJs() {
        String one = mention(anna, "<p>@musterstadt Eins</p>");
        awaitNotifications(app, 1);
        String two = mention(anna, "<p>@musterstadt Zwei</p>");
        List<JsonNode> all = awaitNotifications(app, 2);
        FakeRemote.Actor dora = remote.actor("dora");
        String doraAcct = "dora@" + dora.id().getRawAuthority();
        JsonNode r = de.allmende.testkit.MastoJsClient.run("notifications.mjs", node.url(), app.token(), "@" + doraAcct);
        List<String> paged = new ArrayList<>();
        r.path("pages").forEach(page -> page.forEach(n -> paged.add(n.path("id").asText())));
        assertEquals(all.stream().map(n -> n.path("id").asText()).toList(), paged, r.toString());
        assertEquals(List.of(two, one), all.stream().map(n -> n.at("/status/uri").asText()).toList());
        assertEquals("mention", r.at("/one/type").asText());
        assertEquals("ungrouped-" + paged.getFirst(), r.at("/one/groupKey").asText());
        assertEquals(2, r.at("/unread/before").asInt());
        assertEquals(1, r.at("/unread/after").asInt(), "dismissed");
        assertEquals(doraAcct, r.at("/resolved/acct").asText());
        assertEquals(r.at("/resolved/id"), r.at("/account/id"), "the resolved account's id works on accounts/:id");
        assertEquals(dora.id().toString(), r.at("/account/url").asText());
    }

    @Test
    @Order(8)
    @DisplayName("blocking an actor, or its whole server, removes what it was notified of")
    void blocksRemoveNotifications() {
        assertEquals(1, app.list("/api/v1/notifications", "Notification").size(), "anna's mention left from before");
        try (FakeRemote elsewhere = FakeRemote.start()) {
            FakeRemote.Actor eve = elsewhere.actor("eve");
            assertEquals(202, elsewhere.post(URI.create(node.url() + "/inbox"), elsewhere.follow(eve, node.actorIri("musterstadt"))).send().status());
            awaitNotifications(app, 2);
            var moderation = node.node().services().moderation;
            moderation.blockActor(anna.id().toString());
            assertEquals(List.of("follow"), types(awaitNotifications(app, 1)));
            moderation.blockDomain(elsewhere.base().getRawAuthority());
            awaitNotifications(app, 0);
        }
    }

    @Test
    @Order(10)
    @DisplayName("a municipality's own block removes what the blocked sent to it, and nothing another municipality has")
    void ownBlockRemovesOnlyItsNotifications() {
        FakeRemote.Actor fred = remote.actor("fred");
        for (String handle : List.of("musterstadt", "beispieldorf")) {
            assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), remote.follow(fred, node.actorIri(handle))).send().status());
        }
        int othersBefore = other.list("/api/v1/notifications", "Notification").size(); // the mention of the test before
        JsonNode fromFred = byFred(awaitNotifications(other, othersBefore + 1), fred);
        TestNode.await("fred's follow of musterstadt notified", () -> byFred(app.list("/api/v1/notifications", "Notification"), fred) != null);
        int musterstadtBefore = app.list("/api/v1/notifications", "Notification").size();
        var blocked = MastodonApp.json(node, "POST", "/api/v1/accounts/" + fromFred.at("/account/id").asText() + "/block", other.token(), "{}");
        assertEquals(200, blocked.statusCode(), blocked::body);
        awaitNotifications(other, othersBefore);
        assertEquals(musterstadtBefore, app.list("/api/v1/notifications", "Notification").size(), "Musterstadt keeps fred's follow");
    }

    private static JsonNode byFred(Iterable<JsonNode> notifications, FakeRemote.Actor fred) {
        for (JsonNode n : notifications) if (fred.id().toString().equals(n.at("/account/url").asText())) return n;
        return null;
    }

    @Test
    @Order(9)
    @DisplayName("a municipality on the same node mentioning another from its app: a mention notification there, none for the author")
    void mentionOnTheSameNode() {
        var posted = MastodonApp.json(node, "POST", "/api/v1/statuses", app.token(),
                "{\"status\":\"@beispieldorf Treffen wir uns zum Radverkehr?\",\"visibility\":\"direct\"}");
        assertEquals(200, posted.statusCode(), posted::body);
        JsonNode n = awaitNotifications(other, 1).get(0);
        assertEquals("mention", n.path("type").asText());
        assertEquals("musterstadt", n.at("/account/acct").asText());
        assertEquals(ClientApi.json(posted).path("uri").asText(), n.at("/status/uri").asText());
        assertEquals("direct", n.at("/status/visibility").asText(), "the recipient sees the direct message it is addressed");
        assertEquals(0, app.list("/api/v1/notifications", "Notification").size());
    }

    /** A public note by {@code author} mentioning musterstadt (Mastodon's Mention tag, cc'd); its IRI once stored. */
    private static String mention(FakeRemote.Actor author, String html) {
        ObjectNode note = remote.note(author, html);
        note.putArray("cc").add(node.actorIri("musterstadt").toString());
        note.putArray("tag").addObject().put("type", "Mention").put("href", node.actorIri("musterstadt").toString())
                .put("name", "@musterstadt@" + node.publicUrl().getRawAuthority());
        deliver(remote.create(author, note));
        return note.path("id").asText();
    }

    /** Mastodon's Announce of a post, to Public, cc the author. */
    private static ObjectNode announce(FakeRemote.Actor booster, URI object) {
        ObjectNode a = remote.activity(booster, "Announce");
        a.put("published", java.time.Instant.now().toString());
        a.putArray("to").add(PUBLIC);
        a.putArray("cc").add(node.actorIri("musterstadt").toString()).add(booster.id() + "/followers");
        a.put("object", object.toString());
        return a;
    }

    private static List<JsonNode> awaitNotifications(ClientApi api, int n) {
        List<JsonNode> seen = new ArrayList<>();
        TestNode.await(n + " notifications", () -> {
            seen.clear();
            api.list("/api/v1/notifications", "Notification").forEach(seen::add);
            return seen.size() == n;
        });
        return seen;
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static java.net.http.HttpResponse<String> post(ClientApi api, String path) {
        return MastodonApp.json(node, "POST", path, api.token(), null);
    }

    private static List<String> types(Iterable<JsonNode> list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("type").asText()));
        return out;
    }

    private static List<String> idsOf(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
