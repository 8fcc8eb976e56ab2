package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.config.ConfigLoader;
import de.allmende.testkit.AppScenario;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.SignedDeliveries;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports (issue 10): a municipality reports an account from its app and gets Mastodon's Report entity; with
 * {@code forward} a remote account's server receives a Flag signed by the node's instance actor (the municipality stays
 * anonymous), without it nothing leaves the node; Flags from other servers about the node's municipalities are kept for
 * moderation, odd ones keep nothing; {@code report list} shows them.
 */
@DisplayName("Reports: filed from apps (forwarded as a Flag by the instance actor), received as Flags, listed for moderation")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsTest {
    private static AppScenario s;
    private static SignedDeliveries fromNode;

    @BeforeAll
    static void start() {
        s = AppScenario.start();
        fromNode = SignedDeliveries.fromInstanceActor(s.node, s.remote);
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    @Order(1)
    @DisplayName("a remote account with forward: Report entity, kept with the person in the audit trail; its server gets a signed Flag from the instance actor")
    void forwardedReport() {
        String annaId = s.known(s.anna);
        String noteIri = s.deliverNote(s.anna, "<p>Kauft billige Uhren!</p>");
        String noteId = s.postId(noteIri);
        JsonNode report = ClientApi.entity(s.app.form("POST", "/api/v1/reports", "account_id=" + annaId + "&status_ids%5B%5D=" + noteId
                + "&comment=Werbung+f%C3%BCr+Uhren&forward=true&category=spam"), "Report");
        assertEquals(annaId, report.at("/target_account/id").asText());
        assertEquals(List.of(noteId), texts(report.path("status_ids")));
        assertEquals("spam", report.path("category").asText());
        assertEquals("Werbung für Uhren", report.path("comment").asText());
        assertTrue(report.path("forwarded").asBoolean());
        assertFalse(report.path("action_taken").asBoolean());

        String instanceActor = s.node.url() + "/actor";
        JsonNode flag = fromNode.await("Flag about anna", a -> a.path("type").asText().equals("Flag"));
        assertEquals(instanceActor, flag.path("actor").asText(), "sent by the instance actor");
        assertEquals(List.of(s.anna.id().toString(), noteIri), texts(flag.path("object")), "the account, then its posts, as Mastodon sends them");
        assertEquals("Werbung für Uhren", flag.path("content").asText());
        assertEquals(List.of(s.anna.id().toString()), texts(flag.path("to")));
        String sent = received(flag.path("id").asText());
        assertFalse(sent.contains("musterstadt") || sent.contains("kaemmerin"), "the reporting municipality stays anonymous: " + sent);
        assertTrue(s.remote.received().stream().anyMatch(r -> r.path().equals("/inbox") && new String(r.body(), StandardCharsets.UTF_8)
                .contains(flag.path("id").asText())), "to the shared inbox");
        assertEquals(1, s.node.count("SELECT count(*) FROM audit_entry a JOIN person p ON p.id = a.person_id WHERE p.username = 'kaemmerin'"
                + " AND a.action = 'create' AND a.target_kind = 'report' AND a.target_id = '" + report.path("id").asText() + "'"));
        assertEquals(404, s.node.get("/activities/" + flag.path("id").asText().replaceAll(".*/", ""), "application/activity+json").statusCode(),
                "a report is no public activity");
    }

    @Test
    @Order(2)
    @DisplayName("without forward (JSON, as Elk sends it), and of an account of this node: kept, nothing sent")
    void keptHere() {
        String berndId = s.known(s.bernd);
        JsonNode report = s.app.entity("POST", "/api/v1/reports", "{\"account_id\":\"" + berndId + "\",\"comment\":\"Beleidigend\","
                + "\"forward\":false,\"category\":\"violation\"}", "Report");
        assertFalse(report.path("forwarded").asBoolean());
        assertEquals("violation", report.path("category").asText());
        String dorfId = s.app.entity("/api/v1/accounts/lookup?acct=beispieldorf", "Account").path("id").asText();
        JsonNode local = s.app.entity("POST", "/api/v1/reports", "{\"account_id\":\"" + dorfId + "\",\"forward\":true}", "Report");
        assertFalse(local.path("forwarded").asBoolean(), "an account of this node has no other server to hear of it");
        assertEquals("other", local.path("category").asText(), "Mastodon's default");
        assertEquals("beispieldorf", local.at("/target_account/acct").asText());
        assertEquals(2, s.node.count("SELECT count(*) FROM report WHERE NOT received AND NOT forwarded AND iri IS NULL"));
        TestNode.awaitQuiet(s.node);
        assertEquals(0, s.node.count("SELECT count(*) FROM activity WHERE type = 'Flag' AND raw::text LIKE '%" + s.bernd.id() + "%'"));
        assertTrue(s.remote.received().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8))
                .noneMatch(b -> b.contains("\"Flag\"") && b.contains(s.bernd.id().toString())), "nothing about bernd left the node");
    }

    @Test
    @Order(3)
    @DisplayName("unknown accounts and posts 404, another account's post 404, bad category, long comment, too many posts or rules 422 (Mastodon's Error)")
    void refusals() {
        String annaId = s.known(s.anna);
        String carlasNote = s.postId(s.deliverNote(s.carla, "<p>Carla</p>"));
        assertEquals(404, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"4242424242\"}"));
        assertEquals(404, s.app.error("POST", "/api/v1/reports", "{}"), "no account named");
        assertEquals(404, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"" + annaId + "\",\"status_ids\":[\"" + carlasNote + "\"]}"));
        assertEquals(422, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"" + annaId + "\",\"category\":\"boring\"}"));
        assertEquals(422, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"" + annaId + "\",\"comment\":\"" + "x".repeat(1001) + "\"}"));
        assertEquals(422, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"" + annaId + "\",\"rule_ids\":[\"1\"]}"),
                "this node has no rules to cite");
        String many = String.join(",", java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(i -> "\"" + i + "\"").toList());
        assertEquals(422, s.app.error("POST", "/api/v1/reports", "{\"account_id\":\"" + annaId + "\",\"status_ids\":[" + many + "]}"));
        assertEquals(0, s.node.count("SELECT count(*) FROM report WHERE target_account_id = " + annaId + " AND comment LIKE 'xxx%'"));
    }

    @Test
    @Order(4)
    @DisplayName("a received Flag about a municipality and its post is kept once per municipality; odd shapes keep nothing and break nothing")
    void receivedFlags() {
        FakeRemote.Actor moderators = s.remote.actor("moderation");
        String musterstadt = s.node.actorIri("musterstadt").toString();
        String post = s.node.node().services().notes.publish(s.node.actor("musterstadt"), "<p>Unser Haushalt</p>").toString();
        ObjectNode flag = flag(moderators, "Falsche Zahlen");
        flag.putArray("object").add(musterstadt).add(post).add("https://elsewhere.example/users/x");
        s.deliver(flag);
        awaitProcessed(flag);
        s.deliver(flag); // a redelivery
        assertEquals(1, s.node.count("SELECT count(*) FROM report r JOIN account a ON a.id = r.account_id WHERE r.received"
                + " AND a.iri = '" + moderators.id() + "' AND r.comment = 'Falsche Zahlen' AND r.status_ids = ARRAY[" + s.postId(post) + "]::bigint[]"
                + " AND r.target_account_id = (SELECT id FROM account WHERE local_actor_id = " + s.node.actor("musterstadt").id() + ")"));

        ObjectNode byPost = flag(moderators, "Nur der Beitrag");
        byPost.putArray("object").addObject().put("id", post).put("type", "Note"); // embedded, not by IRI
        s.deliver(byPost);
        awaitProcessed(byPost);
        ObjectNode single = flag(moderators, "");
        single.put("object", s.node.actorIri("beispieldorf").toString()); // one IRI, no array
        s.deliver(single);
        awaitProcessed(single);
        assertEquals(3, s.node.count("SELECT count(*) FROM report WHERE received"));

        long before = s.node.count("SELECT count(*) FROM report") + s.node.count("SELECT count(*) FROM activity WHERE type = 'Flag'");
        ObjectNode foreign = flag(moderators, "dark souls sucks"); // GoToSocial's recorded shape, about another server's account
        foreign.putArray("object").add("https://fossbros-anonymous.io/users/foss_satan").add("https://fossbros-anonymous.io/users/foss_satan/statuses/1");
        ObjectNode unknownPost = flag(moderators, "?");
        unknownPost.putArray("object").add(s.node.url() + "/objects/00000000-0000-4000-8000-000000000000");
        ObjectNode numbers = flag(moderators, "?");
        numbers.putArray("object").add(42).add(true);
        ObjectNode none = flag(moderators, "?");
        for (ObjectNode odd : List.of(foreign, unknownPost, numbers, none)) {
            s.deliver(odd);
            awaitProcessed(odd);
        }
        assertEquals(before, s.node.count("SELECT count(*) FROM report") + s.node.count("SELECT count(*) FROM activity WHERE type = 'Flag'"));
        assertEquals(2, s.node.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL AND body->>'type' = 'Flag'"),
                "names no object: refused as malformed; the rest taken and ignored");
    }

    @Test
    @Order(5)
    @DisplayName("report list shows received and filed reports, newest first, for one municipality or all")
    void reportList() {
        FakeRemote.Actor moderators = s.remote.actor("moderation");
        ObjectNode flag = flag(moderators, "Bitte\tprüfen\n\u001b[31mrot");
        flag.put("object", s.node.actorIri("musterstadt").toString());
        s.deliver(flag);
        awaitProcessed(flag);
        var env = Map.of(ConfigLoader.PUBLIC_URL, s.node.url(), ConfigLoader.DATA_DIR, s.node.dataDir().toString(),
                ConfigLoader.DATABASE_URL, s.node.database().jdbcUrl(), ConfigLoader.DATABASE_USER, s.node.database().user(),
                "ALLMENDE_DATABASE_PASSWORD", s.node.database().password());
        var listed = InProcessCli.run(env, "report", "list", "--municipality", "musterstadt", "--limit", "1");
        assertEquals(0, listed.exitCode(), listed.stderr());
        String line = listed.stdout().strip();
        String[] columns = line.split("\t");
        assertEquals(9, columns.length, line);
        assertEquals(List.of("received", "moderation@" + s.remote.base().getRawAuthority(), "musterstadt", "other", "-", "-"),
                List.of(columns).subList(2, 8));
        assertEquals("Bitte prüfen [31mrot", columns[8], "control characters of a peer's comment are not printed");
        assertTrue(InProcessCli.run(env, "report", "list").stdout().contains("\tfiled\tmusterstadt\t"), "filed ones are listed too");
        assertEquals("no reports", InProcessCli.run(env, "report", "list", "--municipality", "nirgendwo").stdout().strip());
    }

    private static ObjectNode flag(FakeRemote.Actor actor, String comment) {
        return s.remote.activity(actor, "Flag").put("content", comment);
    }

    private static void awaitProcessed(ObjectNode activity) {
        String iri = activity.path("id").asText();
        TestNode.await(iri + " processed", () -> s.node.count("SELECT count(*) FROM inbox_item WHERE activity_iri = '" + iri
                + "' AND (processed IS NOT NULL OR failed IS NOT NULL)") == 1);
    }

    /** The body the remote received with this activity id. */
    private static String received(String id) {
        return s.remote.received().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).filter(b -> b.contains(id))
                .findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
