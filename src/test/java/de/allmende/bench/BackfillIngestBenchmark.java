package de.allmende.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 11's backfill ingest: municipality servers ({@link FakeRemote}s on loopback, several municipalities each)
 * serve paged outboxes of Create(Note) activities whose notes carry valid FEP-8b32 proofs; a coordinator on a
 * {@link TestNode} subscribes to all of them, and its real backfill worker reads them (signed fetches at the host's
 * pace, proof checks, conversion and storage, provenance) and the search-index consumer indexes them. Measured: items
 * per second from the first subscription until every item is stored, and until every item is searchable.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.BackfillIngestBenchmark -Dexec.args="4 25 200 20"</pre>
 * With {@code -Dbench.byNode=true} each host's municipalities are subscribed by node ({@code subscribeByNode}, as
 * {@code coordinator subscribe --node} does), otherwise one by one by handle.
 * The notes are history (published a day apart, back from yesterday); with {@code -Dbench.recent=true} all are published now.
 * With {@code -Dbench.ingestOnly=true} the backfill waits until every subscription is made (the ingest's own rate).
 * With {@code -Dbench.sample=true} it also prints the statements PostgreSQL was busy with, sampled every 20 ms.
 * Arguments: hosts, municipalities per host, items per municipality, items per page, subscriptions made at once (1: one
 * after the other, as {@code coordinator subscribe} does; n > 1: n hosts at once, each host's municipalities one after the other). The node has the test settings:
 * the per-host pace and retry schedule scaled by 0.01 (one page per host every 10 ms instead of every second).
 */
public final class BackfillIngestBenchmark {
    private static final boolean RECENT = Boolean.getBoolean("bench.recent");
    /** -Dbench.byNode=true: each host's municipalities subscribed with subscribeByNode (its NodeInfo lists them). */
    private static final boolean BY_NODE = Boolean.getBoolean("bench.byNode");
    /**
     * -Dbench.ingestOnly=true: the backfill held until every subscription is made, then released at once — the ingest's
     * own rate, without the subscriptions' WebFinger, actor and outbox requests and Follows before it.
     */
    private static final boolean INGEST_ONLY = Boolean.getBoolean("bench.ingestOnly");

    /** Holds every backfill job a subscription makes (due at infinity, by a trigger of the benchmark's), or releases them all. */
    private static void holdBackfill(TestNode node, boolean hold) {
        var db = node.node().services().db.dsl();
        if (hold) {
            db.execute("CREATE FUNCTION bench_hold_backfill() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN NEW.next_attempt := 'infinity'; RETURN NEW; END $$");
            db.execute("CREATE TRIGGER bench_hold_backfill BEFORE INSERT ON coordinator_backfill FOR EACH ROW EXECUTE FUNCTION bench_hold_backfill()");
        } else {
            db.execute("DROP TRIGGER bench_hold_backfill ON coordinator_backfill");
            db.execute("UPDATE coordinator_backfill SET next_attempt = now() WHERE done IS NULL");
            db.execute("NOTIFY " + de.allmende.store.CoordinatorStore.CHANNEL);
        }
    }

    public static void main(String[] args) throws Exception {
        int hosts = arg(args, 0, 4), perHost = arg(args, 1, 25), items = arg(args, 2, 200), perPage = arg(args, 3, 20);
        int subscribers = arg(args, 4, 1);
        List<FakeRemote> remotes = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        List<AggregatedTexts.Text> bodies = AggregatedTexts.bodies(2000, 3);
        long t0 = System.nanoTime();
        for (int h = 0; h < hosts; h++) {
            FakeRemote remote = FakeRemote.start();
            remotes.add(remote);
            List<FakeRemote.Actor> listed = new ArrayList<>();
            for (int m = 0; m < perHost; m++) {
                FakeRemote.Actor actor = remote.actor("gemeinde" + m);
                serveOutbox(remote, actor, items, perPage, bodies);
                handles.add(actor.name() + "@" + remote.base().getRawAuthority());
                listed.add(actor);
            }
            remote.serveAllmendeNodeInfo(listed);
        }
        long total = (long) hosts * perHost * items;
        System.out.printf("%,d signed items on %d hosts prepared in %.1f s%n", total, hosts, (System.nanoTime() - t0) / 1e9);
        try (TestNode node = TestNode.start()) {
            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
            java.util.Map<String, Integer> active = new java.util.concurrent.ConcurrentHashMap<>();
            // -Dbench.sample=true: what the database is doing, sampled from pg_stat_activity every 20 ms (where the time goes)
            boolean sample = Boolean.getBoolean("bench.sample");
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (sample && !Thread.currentThread().isInterrupted()) {
                    try {
                        for (var r : node.node().services().db.dsl().fetch("SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90), wait_event_type FROM pg_stat_activity"
                                + " WHERE state = 'active' AND pid <> pg_backend_pid() AND query NOT LIKE 'LISTEN%'")) {
                            active.merge(r.get(1) + " | " + r.get(0), 1, Integer::sum);
                        }
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            if (INGEST_ONLY) holdBackfill(node, true);
            long start = System.nanoTime();
            try (var subscribing = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                // Each host's municipalities one after the other (the node allows a host only a few calls at once).
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                int lanes = Math.max(1, Math.min(subscribers, hosts));
                for (int lane = 0; lane < lanes; lane++) {
                    int firstHost = lane;
                    done.add(subscribing.submit(() -> {
                        for (int h = firstHost; h < hosts && BY_NODE; h += lanes) {
                            node.node().services().coordinators.subscribeByNode(coordinator, remotes.get(h).base());
                        }
                        for (int h = firstHost; h < hosts && !BY_NODE; h += lanes) { // a host's municipalities one after the other
                            for (int i = h * perHost; i < (h + 1) * perHost; i++) {
                                node.node().services().coordinators.subscribeByHandle(coordinator, handles.get(i));
                            }
                        }
                        return null;
                    }));
                }
                for (var f : done) f.get(); // a failed subscription ends the run
            }
            double subscribed = (System.nanoTime() - start) / 1e9;
            if (INGEST_ONLY) { // the clock starts when the backfill may begin, every subscription made
                System.out.printf("subscribed to %d municipalities in %.1f s, backfill held; now released%n", handles.size(), subscribed);
                holdBackfill(node, false);
                start = System.nanoTime();
                subscribed = 0;
            }
            long keptWhenSubscribed = node.count("SELECT count(*) FROM aggregated_item");
            double stored = Double.NaN, searchable;
            while (true) {
                long kept = node.count("SELECT count(*) FROM aggregated_item");
                long indexed = node.count("SELECT count(*) FROM search_document");
                double now = (System.nanoTime() - start) / 1e9;
                if (kept >= total && Double.isNaN(stored)) stored = now;
                if (indexed >= total) {
                    searchable = now;
                    break;
                }
                if (now > 600) throw new IllegalStateException("after 600 s: " + kept + " stored, " + indexed + " indexed of " + total);
                Thread.sleep(250); // counting the index's rows is a scan: more often, and the benchmark slows what it measures
            }
            System.out.printf("subscribed to %d municipalities in %.1f s; all %,d items stored after %.1f s (%.0f items/s),"
                            + " searchable after %.1f s (%.0f items/s); load average %.1f%n", handles.size(), subscribed, total, stored,
                    total / stored, searchable, total / searchable, CoordinatorScaleBenchmark.load());
            // From the database's clocks: the backfill's own rate, without the subscriptions before its first page.
            double firstToStored = node.count("SELECT (extract(epoch FROM max(first_fetched) - min(first_fetched)) * 1000)::bigint"
                    + " FROM aggregated_item") / 1000.0;
            double firstToSearchable = node.count("SELECT (extract(epoch FROM (SELECT max(done) FROM event_job WHERE consumer = 'search-index')"
                    + " - (SELECT min(first_fetched) FROM aggregated_item)) * 1000)::bigint") / 1000.0;
            System.out.printf("from the first item stored: all stored after %.1f s (%.0f items/s), all searchable after %.1f s (%.0f items/s)%n",
                    firstToStored, total / firstToStored, firstToSearchable, total / firstToSearchable);
            System.out.printf("after the last subscription (%,d items were stored by then): the other %,d stored in %.1f s (%.0f items/s),"
                            + " searchable in %.1f s (%.0f items/s)%n", keptWhenSubscribed, total - keptWhenSubscribed, stored - subscribed,
                    (total - keptWhenSubscribed) / (stored - subscribed), searchable - subscribed, (total - keptWhenSubscribed) / (searchable - subscribed));
            sampler.interrupt();
            active.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.println("active " + e.getValue() + " × " + e.getKey()));
            System.out.printf("proofs: %,d verified, %,d invalid, %,d absent; pages done %,d; fetches per host paced at 10 ms%n",
                    node.count("SELECT count(*) FROM aggregated_item WHERE proof_status = 'verified'"),
                    node.count("SELECT count(*) FROM aggregated_item WHERE proof_status = 'invalid'"),
                    node.count("SELECT count(*) FROM aggregated_item WHERE proof_status = 'absent'"),
                    node.count("SELECT coalesce(sum(pages_done), 0) FROM coordinator_backfill"));
        } finally {
            remotes.forEach(FakeRemote::close);
        }
        System.exit(0);
    }

    /** An outbox of {@code items} Create(Note), newest first, in pages of {@code perPage}; each note signed (FEP-8b32). */
    private static void serveOutbox(FakeRemote remote, FakeRemote.Actor actor, int items, int perPage, List<AggregatedTexts.Text> bodies) {
        String base = remote.base().toString();
        String outbox = actor.id().getPath() + "/outbox";
        remote.serve(outbox, Json.MAPPER.createObjectNode().put("id", actor.id() + "/outbox").put("type", "OrderedCollection")
                .put("totalItems", items).put("first", base + outbox + "/p1"));
        int pages = (items + perPage - 1) / perPage;
        Instant created = Instant.now();
        for (int p = 1; p <= pages; p++) {
            ObjectNode page = Json.MAPPER.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", base + outbox + "/p" + p).put("type", "OrderedCollectionPage").put("partOf", actor.id() + "/outbox");
            ArrayNode list = page.putArray("orderedItems");
            for (int i = (p - 1) * perPage; i < Math.min(items, p * perPage); i++) {
                AggregatedTexts.Text body = bodies.get((actor.name().hashCode() + i * 31 & 0x7fffffff) % bodies.size());
                ObjectNode note = remote.note(actor, body.html());
                // History, as a backfill reads it: a day older per item (newest first); -Dbench.recent=true: all published now
                if (!RECENT) note.put("published", created.minus(java.time.Duration.ofDays(i + 1)).toString());
                note.put("@context", "https://www.w3.org/ns/activitystreams");
                ObjectNode signed = DataIntegrityProof.sign(note, actor.ed25519KeyId(), actor.ed25519Keyset(), created);
                list.add(remote.create(actor, signed).without("@context"));
            }
            if (p < pages) page.put("next", base + outbox + "/p" + (p + 1));
            remote.serve(outbox + "/p" + p, page);
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
