package de.allmende.service.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixed German test set of issue 11 (point 3): queries over the municipal corpus ({@link SearchCorpus}) and posts
 * received from elsewhere, each with the items it must find and the items it must not. Compounds by their parts,
 * inflections, umlauts and ß written out, English content, stop words, and posts that are not public (followers only,
 * direct, unlisted) that no query ever finds.
 */
@DisplayName("Search quality: a fixed German test set of queries with expected and forbidden hits")
class SearchQualityTest {
    /** A query, what it must find, and what it must not. */
    record Case(String q, List<String> expected, List<String> forbidden) {
        @Override
        public String toString() {
            return "\"" + q + "\" finds " + expected + (forbidden.isEmpty() ? "" : ", never " + forbidden);
        }
    }

    private static final List<String> NOT_PUBLIC = List.of("R-FOLLOWERS", "R-DIRECT", "R-UNLISTED");

    static List<Case> cases() {
        return List.of(
                // compounds found by their parts
                c("Haushalt", List.of("P1", "L1", "E1", "P3"), List.of("P2", "A2", "N1")),
                c("Beteiligung", List.of("P2", "A1", "A2", "P4"), List.of("L2", "N1", "P3")),
                c("Jugendbeteiligung", List.of("P2"), List.of("E2", "L2", "A1")),
                c("Jugendbeteiligungsprojekt", List.of("P2"), List.of("A1", "P1")),
                c("Bürgerhaushalt", List.of("P1", "L1"), List.of("P3", "E1")),
                c("Straße", List.of("P4", "N1"), List.of("P1")),
                c("Beleuchtung", List.of("N1"), List.of("P4")),
                c("Portal", List.of("P1", "P3"), List.of("A1")),
                c("Schutz", List.of("L2", "L3"), List.of("P1")),
                c("Konzept", List.of("L3"), List.of("L2")),
                c("Informationssystem", List.of("P3"), List.of("P1")),
                c("Veranstaltung", List.of("A2"), List.of("E1", "E2")),
                c("Werkstatt", List.of("E1"), List.of("L1")),
                c("Ideen", List.of("E1"), List.of("P1")),
                c("Forum", List.of("E2"), List.of()),
                c("Gemeinschaftshaus", List.of("E2"), List.of()),
                c("Daten", List.of("P3", "L2"), List.of("P1", "E1")),
                c("Kinderbeteiligung", List.of(), List.of("P2", "A1", "A2", "P4")),
                // inflections
                c("Haushalte", List.of("P1", "E1"), List.of("P2")),
                c("Jugendlichen", List.of("P2", "L2", "U1"), List.of("P1")),
                c("Fahrradstraße", List.of("P4"), List.of("N1")),
                c("Datenschutzbeauftragten", List.of("L2"), List.of("P3")),
                c("Umfrage", List.of("L2"), List.of()),
                c("Vorschlag", List.of("P1", "E1"), List.of("P2")),
                c("Fraktion", List.of("L1"), List.of()),
                c("Initiative", List.of("L3"), List.of()),
                // umlauts and ß, written out or not
                c("Buergerhaushalt", List.of("P1", "L1"), List.of("P3")),
                c("BÜRGERHAUSHALT", List.of("P1", "L1"), List.of("P3")),
                c("Strasse", List.of("P4", "N1"), List.of("P1")),
                c("Strassenbeleuchtung", List.of("N1"), List.of("P4")),
                c("Fahrradstrassen", List.of("P4"), List.of("N1")),
                c("Oeffentlichkeitsbeteiligung", List.of("A1"), List.of("P2")),
                c("Öffentlichkeitsbeteiligung", List.of("A1"), List.of("P2")),
                c("Goethestrasse", List.of("N1"), List.of()),
                c("Gebaerdensprache", List.of("A2"), List.of()),
                c("Kämmerei", List.of("L1"), List.of()),
                // several words: all must match; stop words ask nothing
                c("Datenschutz Umfrage", List.of("L2"), List.of("P3", "E2")),
                c("Haushalt Jugend", List.of(), List.of("P1", "P2", "E2")),
                c("die Beleuchtung der Straße", List.of("N1"), List.of("P4")),
                c("Open Data", List.of("P3"), List.of("P1", "A1")),
                c("E-Government", List.of(), List.of("L2")), // the field of action is a facet, not a word of its text
                // English content, ours and received
                c("budget", List.of("P1", "L1", "P3", "R-EN"), List.of("P4")),
                c("participatory budgeting", List.of("P1", "L1", "R-EN"), List.of("P3")),
                c("council", List.of("L1", "P3", "R-EN"), List.of("P1")),
                c("bike lanes", List.of("P4", "R-EN"), List.of("P1")),
                c("playground", List.of("R-EN"), List.of("P2")),
                c("residents", List.of("P4"), List.of()),
                c("open data", List.of("P3"), List.of("P1")),
                // what is not public is never found, whatever the words
                c("Haushaltssperre", List.of(), NOT_PUBLIC),
                c("Haushalt", List.of(), NOT_PUBLIC),
                c("Sperre", List.of(), NOT_PUBLIC));
    }

    private static Case c(String q, List<String> expected, List<String> forbidden) {
        return new Case(q, expected, forbidden);
    }

    private static TestNode node;
    private static FakeRemote remote;
    private static SearchCorpus corpus;

    @BeforeAll
    static void publish() {
        node = TestNode.start();
        corpus = SearchCorpus.publish(node);
        remote = FakeRemote.start();
        FakeRemote.Actor lisboa = remote.actor("lisboa");
        URI inbox = URI.create(node.url() + "/inbox");
        ObjectNode english = remote.note(lisboa, "<p>The council approved the participatory budget for 2027. "
                + "Citizens proposed new bike lanes and two playgrounds.</p>");
        english.putObject("contentMap").put("en", english.path("content").asText());
        receive(inbox, lisboa, english, "R-EN");
        ObjectNode followers = remote.note(lisboa, "<p>Intern: die Haushaltssperre kommt, bitte noch nicht weitergeben.</p>");
        followers.putArray("to").add(lisboa.id() + "/followers");
        followers.putArray("cc");
        receive(inbox, lisboa, followers, "R-FOLLOWERS");
        ObjectNode direct = remote.note(lisboa, "<p>Vertraulich: Haushaltssperre ab Montag.</p>");
        direct.putArray("to").add(node.actorIri("musterstadt").toString());
        direct.putArray("cc");
        receive(inbox, lisboa, direct, "R-DIRECT");
        ObjectNode unlisted = remote.note(lisboa, "<p>Nicht gelistet: Haushaltssperre.</p>");
        unlisted.putArray("to").add(lisboa.id() + "/followers");
        unlisted.putArray("cc").add("https://www.w3.org/ns/activitystreams#Public");
        receive(inbox, lisboa, unlisted, "R-UNLISTED");
        TestNode.awaitQuiet(node);
    }

    private static void receive(URI inbox, FakeRemote.Actor actor, ObjectNode note, String key) {
        remote.post(inbox, remote.create(actor, note)).send();
        String id = note.path("id").asText();
        TestNode.await(key + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + id + "'") == 1);
        corpus.put(key, URI.create(id));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void query(Case c) {
        JsonNode result = search(node, "q=" + enc(c.q()) + "&limit=50");
        Set<String> found = keys(result);
        assertTrue(found.containsAll(c.expected()), c + ": found " + found);
        for (String f : c.forbidden()) assertTrue(!found.contains(f), c + ": found " + f + " among " + found);
        assertEquals(found.size(), result.path("total").asInt(), "the total counts every hit: " + found);
    }

    /** At least 40 queries, as the issue asks. */
    @org.junit.jupiter.api.Test
    void theSetIsLargeEnough() {
        assertTrue(cases().size() >= 40, "queries: " + cases().size());
    }

    private static Set<String> keys(JsonNode result) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode hit : result.path("hits")) keys.add(corpus.key(hit.path("uri").asText()));
        return keys;
    }

    static JsonNode search(TestNode node, String query) {
        var r = node.get("/api/allmende/v1/search?" + query, "application/json");
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        try {
            return GoldenJson.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
