package de.allmende.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Services;
import de.allmende.content.ContentKind;
import de.allmende.domain.people.Role;
import de.allmende.federation.json.Json;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.SignedDeliveries;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, point 8 (FEP-1b12): a coordinator's topic groups, one Group per field of action. A Mastodon user (a fake
 * server that records what reaches it) follows the group "Transparenz"; Musterstadt (node A), which the coordinator
 * subscribes to, publishes; Neustadt, a municipality on another server that follows the group, addresses it, and so
 * does a stranger. The follower gets exactly the group's boosts of what is news in its field or addressed to it by a
 * municipality it knows, each signed by the group.
 */
@DisplayName("Coordinator: topic groups per field of action (FEP-1b12)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicGroupTest {
    private static final String JSON = "application/activity+json";
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private TestNode coordinatorNode, a;
    private FakeRemote mastodon, kommunen;
    private FakeRemote.Actor erika, neustadt, fremde;
    private URI transparenz, earlierProject;
    private SignedDeliveries fromGroup;

    @BeforeAll
    void aCoordinatorAMunicipalityThatPublishedBeforeAndTwoOtherServers() {
        coordinatorNode = TestNode.start();
        a = TestNode.start();
        a.create(Fixtures.musterstadt());
        earlierProject = services(a).content.create(a.actor("musterstadt"), ContentKind.PROJECT, ContentFixtures.offenerHaushalt()).iri();
        var created = cli("coordinator", "create", "--handle", "netzwerk-hessen", "--name", "Open-Government-Netzwerk Hessen", "--land", "Hessen");
        assertEquals(0, created.exitCode(), created.stderr());
        mastodon = FakeRemote.start();
        kommunen = FakeRemote.start();
        erika = mastodon.actor("erika");
        neustadt = kommunen.actor("neustadt");
        fremde = kommunen.actor("fremde");
        transparenz = coordinatorNode.actorIri("transparenz");
        fromGroup = SignedDeliveries.from(coordinatorNode, "transparenz", mastodon);
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{coordinatorNode, a}) if (n != null) n.close();
        for (FakeRemote r : new FakeRemote[]{mastodon, kommunen}) if (r != null) r.close();
    }

    @Test
    @Order(1)
    void everyFieldOfActionHasAGroupOfTheCoordinatorThatWebFingerFinds() throws Exception {
        var listed = cli("coordinator", "groups", "--coordinator", "netzwerk-hessen");
        assertEquals(0, listed.exitCode(), listed.stderr());
        assertEquals(11, listed.stdout().strip().lines().count(), listed.stdout());
        assertTrue(listed.stdout().contains("@partizipation@") && listed.stdout().contains("\topen-data\t"), listed.stdout());
        assertEquals(11, coordinatorNode.count("SELECT count(*) FROM actor WHERE kind = 'group'"), "listing again makes none");

        JsonNode group = Json.MAPPER.readTree(coordinatorNode.get("/actors/transparenz", JSON).body());
        assertEquals("Group", group.get("type").asText());
        assertEquals(transparenz.toString(), group.get("id").asText());
        assertEquals("transparenz", group.get("preferredUsername").asText());
        assertEquals("Transparenz · Open-Government-Netzwerk Hessen", group.get("name").asText());
        assertTrue(group.get("summary").asText().contains("Themengruppe „Transparenz“"), group.get("summary").asText());
        for (String collection : new String[]{"inbox", "outbox", "followers"}) {
            assertEquals(transparenz + "/" + collection, group.get(collection).asText());
        }
        assertTrue(group.at("/publicKey/publicKeyPem").asText().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertFalse(group.get("manuallyApprovesFollowers").asBoolean(), "anyone may follow");
        assertFalse(group.get("postingRestrictedToMods").asBoolean(), "municipalities post into it");
        assertTrue(group.get("@context").toString().contains("lemmy:postingRestrictedToMods"));
        assertEquals("transparenz", group.get("fieldOfAction").asText());
        assertTrue(group.get("attachment").toString().contains("@netzwerk-hessen@"), "names its coordinator");
        JsonNode moderators = Json.MAPPER.readTree(coordinatorNode.get(URI.create(group.get("attributedTo").asText()).getRawPath(), JSON).body());
        assertEquals(coordinatorNode.actorIri("netzwerk-hessen").toString(), moderators.at("/orderedItems/0").asText(),
                "FEP-1b12: attributedTo is the moderators collection, the coordinator");
        assertEquals(404, coordinatorNode.get("/actors/netzwerk-hessen/moderators", JSON).statusCode(), "a coordinator is no group");

        var jrd = Json.MAPPER.readTree(coordinatorNode.get("/.well-known/webfinger?resource=acct:transparenz@"
                + coordinatorNode.publicUrl().getRawAuthority(), "application/jrd+json").body());
        assertTrue(jrd.toString().contains("\"href\":\"" + transparenz + "\""), jrd.toString());
        assertEquals(200, coordinatorNode.get("/actors/transparenz", "text/html").statusCode(), "a profile page for people");
        assertTrue(cli("actor", "list").stdout().contains("no municipalities yet"), "a group is no municipality");
    }

    @Test
    @Order(2)
    void aMastodonUserFollowsTheGroupAndGetsItsSignedAccept() {
        assertEquals(202, mastodon.post(URI.create(transparenz + "/inbox"), mastodon.follow(erika, transparenz)).send().status());
        JsonNode accept = fromGroup.await("Accept", "Follow");
        assertEquals(transparenz.toString(), accept.get("actor").asText());
        TestNode.await("the follow is accepted", () -> coordinatorNode.count("SELECT count(*) FROM follow WHERE followee = '" + transparenz
                + "' AND follower = '" + erika.id() + "' AND state = 'accepted'") == 1);
    }

    @Test
    @Order(3)
    void aNewProjectOfTheFieldIsAnnouncedOnceWhatTheBackfillReadIsNot() {
        var subscribed = cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--handle",
                "@musterstadt@" + a.publicUrl().getRawAuthority());
        assertEquals(0, subscribed.exitCode(), subscribed.stderr());
        TestNode.await("the backfill is done", () -> coordinatorNode.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 1);
        TestNode.awaitQuiet(coordinatorNode, a);

        URI project = services(a).content.create(a.actor("musterstadt"), ContentKind.PROJECT, ContentFixtures.offenerHaushalt()).iri();
        JsonNode announce = fromGroup.await("Announce", project.toString());
        assertEquals(PUBLIC, announce.at("/to/0").asText());
        assertTrue(announce.get("cc").toString().contains(transparenz + "/followers"), announce.toString());
        assertTrue(announce.has("proof"), "FEP-8b32, as everything the node publishes");
        // The project is Open Data too: that group boosts it as well, to nobody yet.
        TestNode.await("the Open-Data group boosts it", () -> announces(project, "open-data") == 1);

        // Edited: still one boost per group. The project read by the backfill is history: none.
        var uuid = java.util.UUID.fromString(services(a).db.dsl().fetchValue("SELECT id FROM content WHERE iri = ?", project.toString()).toString());
        services(a).content.update(a.actor("musterstadt"), ContentKind.PROJECT, uuid, ContentFixtures.offenerHaushalt().put("startDate", "2025-02-01"));
        TestNode.awaitQuiet(coordinatorNode, a);
        assertEquals(1, announces(project, "transparenz"));
        assertEquals(1, received("Announce", project), "the follower got it once");
        assertEquals(0, announces(earlierProject, "transparenz"), "what the backfill read is history, not news");
    }

    @Test
    @Order(4)
    void aPostOfNoFieldIsNotAnnounced() {
        URI note = services(a).notes.publish(a.actor("musterstadt"), "<p>Die Bibliothek schließt am Freitag früher.</p>");
        TestNode.await("the coordinator holds the note", () -> coordinatorNode.count("SELECT count(*) FROM post WHERE iri = '" + note + "'") == 1);
        TestNode.awaitQuiet(coordinatorNode, a);
        assertEquals(0, coordinatorNode.count("SELECT count(*) FROM activity WHERE type = 'Announce' AND object_iri = '" + note + "'"));
        assertEquals(0, received("Announce", note));
    }

    @Test
    @Order(5)
    void aMunicipalityThatFollowsTheGroupPostsIntoItByAddressingItAStrangerDoesNot() {
        assertEquals(202, kommunen.post(URI.create(transparenz + "/inbox"), kommunen.follow(neustadt, transparenz)).send().status());
        TestNode.await("Neustadt follows the group", () -> coordinatorNode.count("SELECT count(*) FROM follow WHERE followee = '" + transparenz
                + "' AND follower = '" + neustadt.id() + "' AND state = 'accepted'") == 1);

        ObjectNode addressed = kommunen.note(neustadt, "<p>Wir suchen Partner für ein offenes Ratsinformationssystem.</p>");
        ((com.fasterxml.jackson.databind.node.ArrayNode) addressed.get("cc")).add(transparenz.toString());
        addressed.putArray("audience").addNull().add(transparenz.toString()); // what a careless peer writes does no harm
        addressed.putArray("fieldOfAction").addNull().add(42).addObject();
        assertEquals(202, kommunen.post(URI.create(transparenz + "/inbox"), kommunen.create(neustadt, addressed)).send().status());
        String noteId = addressed.get("id").asText();
        JsonNode announce = fromGroup.await("Announce", noteId);

        // Neustadt deletes it: the group takes its boost back, for followers whom Neustadt's Delete does not reach.
        ObjectNode delete = kommunen.activity(neustadt, "Delete");
        delete.putObject("object").put("id", noteId).put("type", "Tombstone");
        delete.putArray("to").add(PUBLIC);
        assertEquals(202, kommunen.post(URI.create(transparenz + "/inbox"), delete).send().status());
        fromGroup.await("Undo of the Announce", u -> u.path("type").asText().equals("Undo")
                && u.path("object").path("id").asText().equals(announce.get("id").asText()));

        ObjectNode uninvited = kommunen.note(fremde, "<p>Günstige Kredite! #Transparenz</p>");
        ((com.fasterxml.jackson.databind.node.ArrayNode) uninvited.get("cc")).add(transparenz.toString());
        uninvited.putArray("tag").addObject().put("type", "Hashtag").put("name", "#Transparenz");
        assertEquals(202, kommunen.post(URI.create(transparenz + "/inbox"), kommunen.create(fremde, uninvited)).send().status());
        TestNode.await("the stranger's post is kept", () -> coordinatorNode.count("SELECT count(*) FROM post WHERE iri = '"
                + uninvited.get("id").asText() + "'") == 1);
        TestNode.awaitQuiet(coordinatorNode);
        assertEquals(0, coordinatorNode.count("SELECT count(*) FROM activity WHERE type = 'Announce' AND object_iri = '"
                + uninvited.get("id").asText() + "'"), "not addressed by anyone the group knows, nor followed from here");
        assertEquals(0, coordinatorNode.count("SELECT count(*) FROM event_job WHERE consumer = 'topic-groups' AND (failed IS NOT NULL OR attempts > 1)"),
                "no job of the groups failed, none ran twice");
    }

    @Test
    @Order(6)
    void aSecondCoordinatorsGroupsCarryItsHandleAndMissingGroupsAreMadeAgain() {
        var created = cli("coordinator", "create", "--handle", "netzwerk-bayern", "--name", "Open-Government-Netzwerk Bayern", "--land", "Bayern");
        assertEquals(0, created.exitCode(), created.stderr());
        var listed = cli("coordinator", "groups", "--coordinator", "netzwerk-bayern");
        assertTrue(listed.stdout().contains("@transparenz-netzwerk-bayern@") && listed.stdout().contains("@inklusion-empowerment-netzwerk-bayern@"),
                listed.stdout());
        assertEquals(200, coordinatorNode.get("/actors/transparenz-netzwerk-bayern", JSON).statusCode());

        // A coordinator made before topic groups existed has none: listing them (and every start of serve) makes them.
        coordinatorNode.execute("DELETE FROM actor WHERE handle IN ('partizipation', 'smart-city')");
        var again = cli("coordinator", "groups", "--coordinator", "netzwerk-hessen");
        assertEquals(11, again.stdout().strip().lines().count(), again.stdout());
        assertTrue(again.stdout().contains("@partizipation@") && again.stdout().contains("@smart-city@"), again.stdout());
        assertEquals(22, coordinatorNode.count("SELECT count(*) FROM topic_group"));
        coordinatorNode.execute("DELETE FROM actor WHERE handle LIKE '%-netzwerk-bayern'");
        try (TestNode starting = coordinatorNode.sibling(java.util.Map.of())) {
            assertEquals(22, starting.count("SELECT count(*) FROM topic_group"), "a node process that starts makes them");
        }

        var nobody = cli("coordinator", "groups", "--coordinator", "niemand");
        assertTrue(nobody.exitCode() != 0 && nobody.stderr().contains("error: --coordinator: no coordinator 'niemand'"), nobody.stderr());
    }

    @Test
    @Order(7)
    void aMunicipalityOnTheCoordinatorsNodeFindsTheGroupInItsAppFollowsItAndPostsIntoIt() {
        coordinatorNode.create(Fixtures.beispieldorf());
        MastodonApp.person(coordinatorNode, "buergermeisterin", "beispieldorf", Role.ADMIN);
        ClientApi app = new ClientApi(coordinatorNode, MastodonApp.register(coordinatorNode, "https://app.example/callback", "read write follow")
                .login("buergermeisterin", "read write follow"));
        JsonNode group = app.entity("/api/v1/accounts/lookup?acct=transparenz", "Account");
        assertTrue(group.get("group").asBoolean(), "shown as a group, as Mastodon shows one: " + group);
        assertEquals("transparenz", group.get("acct").asText());
        JsonNode relationship = app.entity("POST", "/api/v1/accounts/" + group.get("id").asText() + "/follow", "{}", "Relationship");
        assertTrue(relationship.get("following").asBoolean(), relationship.toString());

        JsonNode status = app.entity("POST", "/api/v1/statuses",
                "{\"status\":\"@transparenz Unser Haushaltsplan ist jetzt offen.\",\"visibility\":\"public\"}", "Status");
        assertEquals("transparenz", status.at("/mentions/0/acct").asText(), status.toString());
        fromGroup.await("Announce", status.get("uri").asText());
    }

    private long announces(URI object, String group) {
        return coordinatorNode.count("SELECT count(*) FROM activity WHERE type = 'Announce' AND object_iri = '" + object
                + "' AND actor = '" + coordinatorNode.actorIri(group) + "'");
    }

    private long received(String type, URI object) {
        return mastodon.received().stream().filter(r -> r.method().equals("POST")).map(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(body -> body.contains("\"type\":\"" + type + "\"") && body.contains("\"object\":\"" + object + "\"")).count();
    }

    private de.allmende.testkit.NodeProcess.Result cli(String... args) {
        return InProcessCli.run(coordinatorNode.cliEnvironment(), args);
    }

    private static Services services(TestNode n) {
        return n.node().services();
    }
}
