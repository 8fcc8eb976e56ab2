package de.allmende.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Services;
import de.allmende.content.ContentKind;
import de.allmende.domain.MunicipalityInput;
import de.allmende.federation.json.Json;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.ExternalProgram;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test network of issue 11 on loopback: a coordinator node that hosts the coordinator "Netzwerk Hessen" and the
 * network's relay; node A with Stadt Musterstadt (Bayern) and node B with Gemeinde Auental (Hessen), each of which
 * published notes and an event with a field of action before anyone subscribed; node C with Gemeinde Beispieldorf,
 * which only the relay connects; and the independent Fedify peer. Nothing subscribes here: the scenario does, step by
 * step ({@link TestNetworkTest}).
 */
final class TestNetwork implements AutoCloseable {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String COORDINATOR = "netzwerk-hessen";
    /** Auental with the keys a directory shows: AGS (Hessen is 06), type and population. */
    static final MunicipalityInput AUENTAL = new MunicipalityInput("auental", "Gemeinde Auental", "Neuigkeiten aus dem Rathaus.", null,
            "06435001", null, "Hessen", "gemeinde", "4800", false);

    final TestNode coordinatorNode = TestNode.start();
    final TestNode a = TestNode.start();
    final TestNode b = TestNode.start();
    final TestNode c = TestNode.start();
    final InteropPeer peer = InteropPeer.start(ExternalProgram.repoRoot());
    final URI musterstadt, auental, beispieldorf, relay;
    /** Published before the coordinator subscribed. */
    final List<URI> notesOfA = new ArrayList<>();
    final URI noteOfB, eventOfA, eventOfB;

    TestNetwork() {
        a.create(Fixtures.musterstadt());
        b.create(AUENTAL);
        c.create(Fixtures.beispieldorf());
        musterstadt = a.actorIri("musterstadt");
        auental = b.actorIri("auental");
        beispieldorf = c.actorIri("beispieldorf");
        for (String note : List.of("Ratsbeschluss zum Radverkehr", "Sitzungskalender des Stadtrats", "Protokoll der Bürgerversammlung")) {
            notesOfA.add(services(a).notes.publish(a.actor("musterstadt"), "<p>" + note + "</p>"));
        }
        eventOfA = event(a, "musterstadt", "Werkstatt Bürgerhaushalt", 10, "partizipation");
        noteOfB = services(b).notes.publish(b.actor("auental"), "<p>Neue Öffnungszeiten im Rathaus</p>");
        eventOfB = event(b, "auental", "Open-Data-Sprechstunde", 20, "open-data");

        cli(coordinatorNode, "coordinator", "create", "--handle", COORDINATOR, "--name", "Open-Government-Netzwerk Hessen", "--land", "Hessen");
        cli(coordinatorNode, "relay", "enable", "--name", "Relay des Netzwerks");
        cli(coordinatorNode, "relay", "allow", "127.0.0.1");
        relay = URI.create(coordinatorNode.url() + "/relay");
        TestNode.awaitQuiet(nodes());
    }

    /** An event of the municipality at 18:00 German time {@code days} from today, in one field of action, on site. */
    static URI event(TestNode node, String handle, String title, int days, String field) {
        ObjectNode in = ContentFixtures.werkstatt(null);
        in.remove("project");
        in.remove("onlineUrl");
        in.putObject("title").put("de", title);
        in.putArray("fieldsOfAction").add(field);
        LocalDateTime start = LocalDate.now(BERLIN).plusDays(days).atTime(18, 0);
        in.put("start", start.toString()).put("end", start.plusHours(2).toString()).put("timeZone", BERLIN.getId());
        return services(node).content.create(node.actor(handle), ContentKind.EVENT, in).iri();
    }

    TestNode[] nodes() {
        return new TestNode[]{coordinatorNode, a, b, c};
    }

    /** The coordinator's search API (public, JSON) for a query string such as {@code q=Radverkehr}. */
    JsonNode search(String query) {
        return json(coordinatorNode, "/api/allmende/v1/search?limit=50&" + query);
    }

    /** The IRIs of the coordinator's search hits for the words {@code q}, or of everything it indexed for "". */
    List<String> hits(String q) {
        List<String> iris = new ArrayList<>();
        search("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).path("hits").forEach(h -> iris.add(h.path("uri").asText()));
        return iris.stream().sorted().toList();
    }

    static JsonNode json(TestNode node, String pathAndQuery) {
        var r = node.get(pathAndQuery, "application/json");
        assertEquals(200, r.statusCode(), () -> pathAndQuery + ": " + r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command on the node's database; it must succeed. */
    static NodeProcess.Result cli(TestNode node, String... args) {
        NodeProcess.Result r = InProcessCli.run(node.cliEnvironment(), args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + ": " + r.stderr());
        return r;
    }

    static Services services(TestNode node) {
        return node.node().services();
    }

    static String host(TestNode node) {
        return node.publicUrl().getRawAuthority();
    }

    @Override
    public void close() {
        peer.close();
        for (TestNode n : nodes()) n.close();
    }
}
