package de.allmende.api.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.json.Json;
import de.allmende.service.NodeInfoService;
import de.allmende.testkit.Browser;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FollowerRows;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator learns, while it subscribes, what other nodes state: their software (NodeInfo) and each
 * municipality's follower count (its followers collection), and its directory shows them on the page, in JSON and CSV.
 * Subscribed to: Musterstadt on an Allmende node (two followers); Gemeinde Seeheim on a peer whose NodeInfo names
 * "mastodon 4.3.2" and whose followers collection says 17; and Gemeinde Stillbach on a peer that publishes neither,
 * which is subscribed to all the same, its facts unknown. A day later they are read again (the daily refresh).
 */
@DisplayName("directory: other nodes' software and followers, as a coordinator learns them on subscribing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryRemoteFactsTest {
    private TestNode coordinatorNode, a;
    private FakeRemote peer, quiet;
    private String musterstadt, seeheim, stillbach;

    @BeforeAll
    void subscribe() {
        coordinatorNode = TestNode.start();
        a = TestNode.start();
        a.create(Fixtures.musterstadt());
        FollowerRows.insert(a.database(), a.actorIri("musterstadt"), List.of(URI.create("https://fans.example/users/1"),
                URI.create("https://fans.example/users/2")));
        peer = FakeRemote.start();
        FakeRemote.Actor seeheimActor = municipality(peer, "seeheim", "Gemeinde Seeheim");
        peer.serve("/users/seeheim/followers", Json.MAPPER.createObjectNode().put("type", "OrderedCollection")
                .put("id", seeheimActor.id() + "/followers").put("totalItems", 17));
        peer.serve("/.well-known/nodeinfo", Json.MAPPER.createObjectNode().set("links", Json.MAPPER.createArrayNode().add(Json.MAPPER
                .createObjectNode().put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1").put("href", peer.base() + "/nodeinfo/2.1"))));
        ObjectNode info = Json.MAPPER.createObjectNode().put("version", "2.1");
        info.putObject("software").put("name", "mastodon").put("version", "4.3.2");
        peer.serve("/nodeinfo/2.1", info);
        quiet = FakeRemote.start();
        FakeRemote.Actor stillbachActor = municipality(quiet, "stillbach", "Gemeinde Stillbach");

        assertEquals(0, cli("coordinator", "create", "--handle", "netzwerk", "--name", "Netzwerk").exitCode());
        musterstadt = "musterstadt@" + a.publicUrl().getRawAuthority();
        seeheim = "seeheim@" + peer.base().getRawAuthority();
        stillbach = "stillbach@" + quiet.base().getRawAuthority();
        for (String target : List.of("@" + musterstadt, seeheimActor.id().toString(), stillbachActor.id().toString())) {
            NodeProcess.Result r = cli("coordinator", "subscribe", "--coordinator", "netzwerk", "--handle", target);
            assertEquals(0, r.exitCode(), target + ": " + r.stderr());
        }
    }

    private static FakeRemote.Actor municipality(FakeRemote remote, String name, String title) {
        FakeRemote.Actor actor = remote.actor(name);
        remote.serve("/users/" + name, actor.document().put("type", "Organization").put("name", title).put("municipalityType", "gemeinde"));
        remote.serve("/users/" + name + "/outbox", Json.MAPPER.createObjectNode().put("type", "OrderedCollection")
                .put("id", actor.id() + "/outbox").put("totalItems", 0).set("orderedItems", Json.MAPPER.createArrayNode()));
        return actor;
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {coordinatorNode, a, peer, quiet}) {
            try {
                if (c != null) c.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("JSON: software and followers as each node stated them; unknown (null) where a node states nothing")
    void json() throws Exception {
        Map<String, JsonNode> byHandle = new HashMap<>();
        for (JsonNode m : Json.MAPPER.readTree(coordinatorNode.get("/directory.json", null).body()).path("municipalities")) {
            byHandle.put(m.path("handle").asText(), m);
        }
        assertEquals(NodeInfoService.SOFTWARE_NAME + " " + NodeInfoService.SOFTWARE_VERSION,
                byHandle.get(musterstadt).path("node").path("software").asText(), byHandle.toString());
        assertEquals(2, byHandle.get(musterstadt).path("followers").asLong());
        assertEquals("mastodon 4.3.2", byHandle.get(seeheim).path("node").path("software").asText());
        assertEquals(17, byHandle.get(seeheim).path("followers").asLong());
        assertTrue(byHandle.get(stillbach).path("node").path("software").isNull(), byHandle.get(stillbach).toString());
        assertTrue(byHandle.get(stillbach).path("followers").isNull());
        assertEquals(1, coordinatorNode.count("SELECT count(*) FROM coordinator_subscription WHERE municipality LIKE '%/stillbach'"),
                "subscribed all the same");
    }

    @Test
    @Order(2)
    @DisplayName("CSV and the page: the software and followers columns")
    void csvAndPage() throws Exception {
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser p = CSVParser.parse(new StringReader(coordinatorNode.get("/directory.csv", null).body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            p.forEach(r -> rows.put(r.get("handle"), r));
        }
        assertEquals("mastodon 4.3.2", rows.get(seeheim).get("software"));
        assertEquals("17", rows.get(seeheim).get("followers"));
        assertEquals("2", rows.get(musterstadt).get("followers"));
        assertEquals("", rows.get(stillbach).get("software"));
        assertEquals("", rows.get(stillbach).get("followers"));

        Browser.Page page = Browser.open(coordinatorNode, "/directory?lang=de");
        String seeheimText = page.doc().select("article:has(p.meta:contains(@" + seeheim + "))").text();
        assertTrue(seeheimText.contains(peer.base().getRawAuthority() + " (mastodon 4.3.2)"), seeheimText);
        assertTrue(seeheimText.contains("Folgende 17"), seeheimText);
    }

    @Test
    @Order(3)
    @DisplayName("a day later the coordinator reads the facts again: new follower count, software and name; a silent node is not asked every round")
    void refreshedDaily() throws Exception {
        peer.serve("/users/seeheim/followers", Json.MAPPER.createObjectNode().put("type", "OrderedCollection")
                .put("id", peer.base() + "/users/seeheim/followers").put("totalItems", 23));
        ObjectNode info = Json.MAPPER.createObjectNode().put("version", "2.1");
        info.putObject("software").put("name", "mastodon").put("version", "4.4.0");
        peer.serve("/nodeinfo/2.1", info);
        FakeRemote.Actor seeheimActor = peer.actor("seeheim");
        peer.serve("/users/seeheim", seeheimActor.document().put("type", "Organization").put("name", "Gemeinde Seeheim-Jugenheim")
                .put("municipalityType", "gemeinde"));
        var refresh = coordinatorNode.node().services().federation.directoryFacts();

        var day = java.time.Duration.ofDays(1);
        assertEquals(1, refresh.refreshDue(day, 200), "only Stillbach, never read (it publishes no follower count): the others were read today");
        // A day later (the facts' age as the database sees it):
        coordinatorNode.execute("UPDATE remote_follower_count SET fetched = fetched - interval '25 hours'");
        coordinatorNode.execute("UPDATE remote_node SET fetched = fetched - interval '25 hours'");
        assertEquals(2, refresh.refreshDue(day, 200), "Seeheim and Musterstadt; not Stillbach, asked within the day");
        assertEquals(0, refresh.refreshDue(day, 200), "nothing due until tomorrow");
        // Another process of the node runs a round: this one skips it, whatever is due.
        coordinatorNode.execute("UPDATE remote_follower_count SET fetched = fetched - interval '25 hours'");
        var db = coordinatorNode.database();
        try (var other = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, de.allmende.federation.backfill.DirectoryFactsRefresh.ROUND_LOCK);
            lock.execute();
            assertEquals(0, refresh.refreshDue(day, 200), "the other process's round");
        }

        Map<String, JsonNode> byHandle = new HashMap<>();
        for (JsonNode m : Json.MAPPER.readTree(coordinatorNode.get("/directory.json", null).body()).path("municipalities")) {
            byHandle.put(m.path("handle").asText(), m);
        }
        assertEquals(23, byHandle.get(seeheim).path("followers").asLong(), byHandle.get(seeheim).toString());
        assertEquals("mastodon 4.4.0", byHandle.get(seeheim).path("node").path("software").asText());
        assertEquals("Gemeinde Seeheim-Jugenheim", byHandle.get(seeheim).path("name").asText());
        assertEquals(3, byHandle.get(musterstadt).path("followers").asLong(), "its two followers and, since subscribing, the coordinator");
    }

    private NodeProcess.Result cli(String... args) {
        return InProcessCli.run(coordinatorNode.cliEnvironment(), args);
    }
}
