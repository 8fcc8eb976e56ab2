package de.allmende.coordinator;

import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.TestNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator backfills Musterstadt's outbox from another node on loopback; its export of a search then says for each
 * of Musterstadt's notes that it came by backfill from Musterstadt's node with a verified FEP-8b32 proof.
 */
@DisplayName("Coordinator: the export carries the provenance of backfilled items")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorExportTest {
    private TestNode coordinatorNode, a;
    private List<URI> notes;

    @BeforeAll
    void aMunicipalityThatPublishedAndACoordinatorThatBackfilledIt() {
        coordinatorNode = TestNode.start();
        a = TestNode.start();
        a.create(Fixtures.musterstadt());
        var publish = a.node().services().notes;
        notes = List.of(publish.publish(a.actor("musterstadt"), "<p>Bürgerhaushalt: Abstimmung beginnt</p>"),
                publish.publish(a.actor("musterstadt"), "<p>Ratsbeschluss zum Radverkehr</p>"));
        URI musterstadt = a.actorIri("musterstadt");
        assertEquals(0, cli("coordinator", "create", "--handle", "netzwerk", "--name", "Netzwerk").exitCode());
        var r = cli("coordinator", "subscribe", "--coordinator", "netzwerk", "--handle", "@musterstadt@" + a.publicUrl().getRawAuthority());
        assertEquals(0, r.exitCode(), r.stderr());
        TestNode.await("backfill done and indexed", () -> coordinatorNode.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL"
                + " AND municipality = '" + musterstadt + "'") == 1 && coordinatorNode.count("SELECT count(*) FROM search_document") == notes.size());
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{coordinatorNode, a}) if (n != null) n.close();
    }

    @Test
    void theCsvSaysBackfilledFromTheOriginWithAVerifiedProof() throws Exception {
        var response = coordinatorNode.get("/api/allmende/v1/search.csv?municipality=musterstadt@" + a.publicUrl().getRawAuthority(), "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertEquals(notes.stream().map(URI::toString).sorted().toList(), rows.stream().map(r -> r.get("iri")).sorted().toList());
        for (CSVRecord row : rows) {
            assertEquals("backfill", row.get("via"), row.toString());
            assertEquals("verified", row.get("proof_status"), row.toString());
            assertEquals(a.publicUrl().getRawAuthority(), row.get("origin_host"));
            assertEquals(a.actorIri("musterstadt").toString(), row.get("author"));
            assertTrue(!row.get("fetched_at").isEmpty());
        }
    }

    private de.allmende.testkit.NodeProcess.Result cli(String... args) {
        return InProcessCli.run(coordinatorNode.cliEnvironment(), args);
    }
}
