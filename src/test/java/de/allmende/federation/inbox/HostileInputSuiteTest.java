package de.allmende.federation.inbox;

import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.ProbeRun.Failure;
import de.allmende.federation.inbox.ProbeRun.Outcome;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.StallingPeers;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8, "Done when", point 2: more than 10,000 generated hostile requests against one real node on
 * loopback — the classes of the findings, mutations of recorded real-world activities, bent signature
 * headers — each judged on its own: below 500, within a second, never a 2xx unless it is a correctly
 * signed, legitimate activity; afterwards every new row is owed to an accepted request. Control groups
 * of legitimate activities before and after must all get 202, so refusing everything cannot pass.
 *
 * <p>Deterministic from {@code -Dhostile.seed} (printed); each class is its own test and reports its
 * statuses, latency and failures. Peers: {@code control} (the legitimate signers), {@code recorded}
 * (the actors of the recorded activities), {@code elsewhere} (another server) and {@code shadow}
 * (key thieves) — separate hosts, since the node fetches at most 30 keys a minute from one host.
 *
 * <p>What the suite allows besides (each visible in the report): closing without an answer where HTTP
 * framing is broken; Vert.x's 501 to an HTTP version other than 1.0/1.1 ({@link Probe.Leeway}); a
 * request slower than a second among eight in flight that answers within a second when sent again
 * alone (two cores shared with other work measure contention, not input); and {@link #KNOWN_OPEN}.
 * The node is warmed up first (not judged), and addresses off this machine are blocked as domains
 * ({@link KeyMutations#OFF_BOX}): the test node allows private networks, so it would really connect.
 */
@DisplayName("hostile-input suite: 10,000+ generated requests, no forgery, no 5xx, no row from a refusal, each within 1 s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSuiteTest {
    static final long SEED = Long.getLong("hostile.seed", 20_240_808L);
    private static final int CONNECTIONS = Integer.getInteger("hostile.connections", 8);
    private static final Duration GIVE_UP = Duration.ofSeconds(5);
    /** {@code -Dhostile.only=body/} runs only the classes whose names start so (the control groups always run). */
    private static final String ONLY = System.getProperty("hostile.only", "");

    /**
     * Classes with failures that need a decision or another branch, and which failures. Such a class is
     * reported as skipped (with its full report) while it fails only so; once it passes, it fails until
     * its entry is removed. Strict and outbound are merged: no class waits for them any more.
     */
    static final Map<String, Set<Failure>> KNOWN_OPEN = Map.of(); // the stalling key server now gets a 429 within 0.7 s

    private static TestNode node;
    private static FakeRemote control;
    private static FakeRemote recorded;
    private static FakeRemote elsewhere;
    private static FakeRemote shadow;
    private static StallingPeers stalling;
    private static SignatureProbes signatures;
    private static RecordedProbes recordings;
    private static ControlGroup controls;
    private static List<FakeRemote.Actor> signers;
    private static RowLedger ledger;
    private static final List<Outcome> ALL = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        System.out.println("hostile-input suite: seed " + SEED + " (-Dhostile.seed=" + SEED + " repeats this run)");
        // Each request is judged on its own here; slowing an address whose requests keep being refused has its own
        // test (RefusalPenaltyTest) and would stretch these 10,000 refusals over ten minutes.
        node = TestNode.start(java.util.Map.of(de.allmende.config.ConfigLoader.HTTP_REFUSALS_PER_ADDRESS_PER_SECOND, "1000000"));
        node.create(Fixtures.musterstadt());
        KeyMutations.OFF_BOX.forEach(node.node().services().moderation::blockDomain);
        control = FakeRemote.start();
        recorded = FakeRemote.start();
        elsewhere = FakeRemote.start();
        shadow = FakeRemote.start();
        stalling = StallingPeers.start(4);
        signers = List.of(control.actor("alice"), control.actor("bob"), control.actor("carol"), control.actor("dave"));
        String nodeHost = "127.0.0.1:" + node.node().port();
        signatures = new SignatureProbes(nodeHost, signers.subList(0, 3), signers.get(3), elsewhere.actor("victim"), new Random(SEED));
        recordings = new RecordedProbes(nodeHost, RecordedActivities.load(recorded, elsewhere), new Random(SEED + 1));
        controls = new ControlGroup(signatures, signers, recordings);
    }

    @AfterAll
    static void stop() {
        if (stalling != null) stalling.close();
        for (FakeRemote r : new FakeRemote[]{control, recorded, elsewhere, shadow}) if (r != null) r.close();
        if (node != null) node.close();
        REPORT.forEach(System.out::println);
    }

    @Test
    @Order(0)
    @DisplayName("warm-up: 150 legitimate activities, not judged (a node in service is warm)")
    void warmUp() {
        List<Probe> probes = controls.warmUp().drafts().get().parallelStream().map(Probe.Draft::build).toList();
        REPORT.add(ProbeRun.report("warm-up (not judged)", ProbeRun.run(node.node().port(), probes, CONNECTIONS, GIVE_UP, false)));
    }

    @Test
    @Order(1)
    @DisplayName("control/before: legitimate activities from every signer, every scheme and every inbox are accepted")
    void controlBefore() {
        judgeAll(controls.before());
        TestNode.awaitQuiet(node);
        ledger = RowLedger.mark(node);
    }

    @TestFactory
    @Order(2)
    @DisplayName("hostile classes")
    Stream<DynamicTest> hostileClasses() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(KeyShadowing.shadows(signatures, shadow, List.of(signers.get(0), signers.get(1))));
        kinds.addAll(new BodyMutations(recordings, recorded.base(), elsewhere.base()).kinds());
        kinds.addAll(new ByteMutations(recordings, elsewhere.base()).kinds());
        kinds.addAll(new SignatureMutations(signatures).kinds());
        kinds.addAll(new KeyMutations(signatures, control.base()).kinds());
        kinds.addAll(new TransportMutations(signatures).kinds());
        kinds.addAll(new FramingMutations(signatures).kinds());
        kinds.addAll(new GetRoutes("127.0.0.1:" + node.node().port(), new Random(SEED + 2)).kinds());
        return kinds.stream().map(k -> DynamicTest.dynamicTest(k.name() + " — " + k.finding(), () -> judge(k)));
    }

    @Test
    @Order(3)
    @DisplayName("control/after: the same signers are still accepted after the attack (no key shadowed, no limit hit)")
    void controlAfter() {
        judgeAll(controls.after());
    }

    @Test
    @Order(4)
    @DisplayName("key ids on stalling servers are refused within a second (finding 1)")
    void stallingKeyServers() {
        // Long enough to see when they are answered; not sent again alone (the failed key is remembered then).
        judge(KeyShadowing.stalling(signatures, stalling, 4), Duration.ofSeconds(15), false);
    }

    @Test
    @Order(5)
    @DisplayName("every row written during the suite is owed to an accepted request (finding 10)")
    void refusedRequestsWroteNoRows() {
        stalling.close(); // lets fetches still held by a stalling peer end
        awaitInboxDrained();
        // Owed to: a 2xx; or no answer at all to a correctly signed, legitimate-looking request (framing the
        // HTTP decoder dropped after the body had arrived whole): not refused, the sender will retry.
        List<byte[]> accepted = ALL.stream().filter(o -> o.accepted() || o.answer().status() == 0
                && (o.probe().expect() == Expect.ACCEPT || o.probe().expect() == Expect.EITHER)).map(o -> o.probe().request().body()).toList();
        List<String> unowed = ledger.unowed(node, accepted);
        REPORT.add("rows written during the suite: " + ledger.newRows(node) + "; owed to no accepted request: " + unowed.size());
        unowed.stream().limit(20).forEach(r -> REPORT.add("      " + r + "  ← " + carriers(r)));
        assertTrue(unowed.isEmpty(), () -> unowed.size() + " rows owed to no accepted request, e.g. " + unowed.subList(0, Math.min(10, unowed.size())));
    }

    @Test
    @Order(6)
    @DisplayName("at least 10,000 requests were judged; totals")
    void totals() {
        Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
        ALL.forEach(o -> o.failures().forEach(f -> failures.merge(f, 1, Integer::sum)));
        Map<Expect, Long> expected = new EnumMap<>(Expect.class);
        ALL.forEach(o -> expected.merge(o.probe().expect(), 1L, Long::sum));
        long accepted = ALL.stream().filter(o -> o.probe().expect() == Expect.ACCEPT && o.answer().status() == 202).count();
        REPORT.add(String.format("TOTAL %d requests (seed %d): %s; %s; control accepted %d of %d; failures %s", ALL.size(), SEED, expected,
                ProbeRun.latency(ALL), accepted, expected.getOrDefault(Expect.ACCEPT, 0L), failures));
        Assumptions.assumeTrue(ONLY.isEmpty(), "a part of the suite ran");
        assertTrue(ALL.size() >= 10_000, "only " + ALL.size() + " requests");
    }

    /** The requests whose body named the row's IRI, with their answers: who wrote it. */
    private static String carriers(String row) {
        String iri = row.substring(row.indexOf(": ") + 2).split(" / ")[0];
        if (iri.isEmpty()) return "?";
        return ALL.stream().filter(o -> new String(o.probe().request().body(), java.nio.charset.StandardCharsets.UTF_8).contains(iri))
                .map(o -> o.probe().label() + " → " + o.answer().status()).limit(3).toList().toString();
    }

    /**
     * Waits until the inbox worker is idle: every accepted activity applied, given up, or waiting for a
     * retry more than ten seconds away (a fetch its object needs answered 404: retried for minutes).
     */
    private static void awaitInboxDrained() {
        String pending = "SELECT count(*) FROM inbox_item WHERE processed IS NULL AND failed IS NULL";
        String busy = pending + " AND (lease_until IS NOT NULL OR next_attempt < now() + interval '10 seconds')";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (node.count(busy) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        REPORT.add("inbox after the suite: " + node.count("SELECT count(*) FROM inbox_item WHERE processed IS NOT NULL") + " applied, "
                + node.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL") + " given up, " + node.count(pending) + " pending");
        try (var c = node.node().services().db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT activity_iri, attempts, next_attempt - now(), lease_until - now(), left(last_error, 120)"
                     + " FROM inbox_item WHERE processed IS NULL AND failed IS NULL LIMIT 10")) {
            while (rs.next()) {
                REPORT.add("      pending: " + rs.getString(1) + " attempts " + rs.getInt(2) + ", next in " + rs.getString(3)
                        + ", lease " + rs.getString(4) + ", last error " + rs.getString(5));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds (signs) the class's probes, sends them, records and reports the outcomes, and fails on any failure. */
    /** The control groups run even when {@code hostile.only} narrows the rest. */
    private static void judgeAll(Kind kind) {
        List<Probe> probes = kind.drafts().get().parallelStream().map(Probe.Draft::build).toList();
        record(kind, ProbeRun.run(node.node().port(), probes, CONNECTIONS, GIVE_UP, true));
    }

    private static void judge(Kind kind) {
        judge(kind, GIVE_UP, true);
    }

    private static void judge(Kind kind, Duration giveUp, boolean retime) {
        Assumptions.assumeTrue(kind.name().startsWith(ONLY), () -> "only classes starting with " + ONLY);
        List<Probe> probes = kind.drafts().get().parallelStream().map(Probe.Draft::build).toList();
        int connections = kind.connections() > 0 ? kind.connections() : CONNECTIONS;
        record(kind, ProbeRun.run(node.node().port(), probes, connections, giveUp, retime));
    }

    private static void record(Kind kind, List<Outcome> outcomes) {
        ALL.addAll(outcomes);
        String report = ProbeRun.report(kind.name(), outcomes);
        REPORT.add(report);
        Set<Failure> found = ProbeRun.failures(outcomes).keySet();
        Set<Failure> open = KNOWN_OPEN.getOrDefault(kind.name(), Set.of());
        if (!open.isEmpty()) {
            if (found.isEmpty()) fail(kind.name() + " passes now: remove it from KNOWN_OPEN");
            Assumptions.assumeTrue(!open.containsAll(found), () -> "known open (see KNOWN_OPEN): " + report);
        }
        assertEquals(Set.of(), found, report);
    }
}
