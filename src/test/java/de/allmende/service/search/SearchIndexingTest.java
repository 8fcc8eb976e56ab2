package de.allmende.service.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static de.allmende.service.search.SearchQualityTest.enc;
import static de.allmende.service.search.SearchQualityTest.search;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index follows the posts off the request path, through the search-index consumer of domain events: edits and
 * deletions, here and from elsewhere, reach it within seconds; two node processes on one database index at once and
 * answer alike; municipal content received from another Allmende node is found with its facets.
 */
@DisplayName("Search index: kept current by domain events, across node processes and nodes")
class SearchIndexingTest {
    private static final Duration SECONDS = Duration.ofSeconds(5);

    @Test
    @DisplayName("an edit or deletion, here or from elsewhere, reaches the index within seconds; a blocked domain's posts are not shown")
    void editsAndDeletions() {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            LocalActor muster = node.create(Fixtures.musterstadt());
            var services = node.node().services();
            Content project = services.content.create(muster, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
            URI note = services.notes.publish(muster, "<p>Sperrmüll wird am Montag abgeholt.</p>");
            FakeRemote.Actor anna = remote.actor("anna");
            ObjectNode received = remote.note(anna, "<p>Unser Bürgerbüro öffnet samstags.</p>");
            remote.post(URI.create(node.url() + "/inbox"), remote.create(anna, received)).send();
            awaitHits(node, "maschinenlesbar", Set.of(project.iri().toString()));
            awaitHits(node, "Sperrmüll", Set.of(note.toString()));
            awaitHits(node, "Büro", Set.of(received.path("id").asText()));

            ObjectNode edited = ContentFixtures.offenerHaushalt();
            edited.putObject("title").put("de", "Offene Finanzen");
            edited.putObject("body").put("de", "Alle Finanzdaten als offene Daten.");
            services.content.update(muster, ContentKind.PROJECT, project.id().orElseThrow(), edited);
            services.notes.edit(muster, note, "<p>Grünschnitt wird am Montag abgeholt.</p>");
            ObjectNode update = remote.activity(anna, "Update");
            received.put("content", "<p>Unser Rathaus öffnet samstags.</p>").put("updated", java.time.Instant.now().toString());
            update.set("object", received);
            remote.post(URI.create(node.url() + "/inbox"), update).send();
            awaitHits(node, "Finanzdaten", Set.of(project.iri().toString()));
            awaitHits(node, "maschinenlesbar", Set.of());
            awaitHits(node, "Grünschnitt", Set.of(note.toString()));
            awaitHits(node, "Sperrmüll", Set.of());
            awaitHits(node, "Rathaus", Set.of(received.path("id").asText()));
            awaitHits(node, "Büro", Set.of());

            services.content.delete(muster, ContentKind.PROJECT, project.id().orElseThrow());
            services.notes.delete(muster, note);
            ObjectNode delete = remote.activity(anna, "Delete");
            delete.putObject("object").put("id", received.path("id").asText()).put("type", "Tombstone");
            remote.post(URI.create(node.url() + "/inbox"), delete).send();
            TestNode.await("the documents are removed", SECONDS, () -> node.count("SELECT count(*) FROM search_document") == 0);
            assertEquals(0, search(node, "").path("total").asInt());

            ObjectNode other = remote.note(anna, "<p>Das Rathaus öffnet auch sonntags.</p>");
            remote.post(URI.create(node.url() + "/inbox"), remote.create(anna, other)).send();
            awaitHits(node, "sonntags", Set.of(other.path("id").asText()));
            services.moderation.blockDomain(remote.base().getRawAuthority());
            assertEquals(Set.of(), uris(search(node, "q=sonntags")), "nothing from a blocked domain is shown");
        }
    }

    /**
     * Two processes of one node, each running the consumers, while both publish and edit: every job done once, none
     * failed, and both answer every query with the same, right hits.
     */
    @Test
    @DisplayName("two node processes indexing at once give the same correct results")
    void twoProcesses() {
        int port = TestNode.freePort();
        try (TestNode first = TestNode.start("http://127.0.0.1:" + port, port, Map.of());
             TestNode second = first.sibling(Map.of())) {
            LocalActor muster = first.create(Fixtures.musterstadt());
            List<URI> notes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TestNode publisher = i % 2 == 0 ? first : second;
                notes.add(publisher.node().services().notes.publish(muster, "<p>Bürgerhaushalt Vorschlag " + i + "</p>"));
            }
            for (int i = 0; i < 40; i += 4) { // edited at once from the other process: the last state must win
                TestNode editor = i % 8 == 0 ? second : first;
                editor.node().services().notes.edit(muster, notes.get(i), "<p>Jugendbeteiligung Vorschlag " + i + "</p>");
            }
            SearchCorpus.publishProjects(first, second, muster);
            TestNode.awaitQuiet(first, second);

            assertEquals(0, first.count("SELECT count(*) FROM event_job WHERE consumer = 'search-index' AND (done IS NULL OR failed IS NOT NULL)"));
            assertEquals(first.count("SELECT count(*) FROM post WHERE visibility = 'public' AND deleted IS NULL"),
                    first.count("SELECT count(*) FROM search_document"), "one document per public post");
            for (String q : List.of("Haushalt", "Beteiligung", "Jugendbeteiligung", "Vorschlag", "Projekt")) {
                Set<String> a = uris(search(first, "q=" + enc(q) + "&limit=50"));
                Set<String> b = uris(search(second, "q=" + enc(q) + "&limit=50"));
                assertEquals(a, b, q + ": both processes answer alike");
            }
            assertEquals(30 + 2, uris(search(first, "q=Haushalt&limit=50")).size(), "30 unedited notes and 2 projects");
            assertEquals(10, uris(search(first, "q=Jugendbeteiligung&limit=50")).size(), "the 10 edited notes, in their last words");
        }
    }

    @Test
    @DisplayName("municipal content received from another Allmende node is found, with its fields of action, status and the sender's Land")
    void receivedFromAnotherNode() {
        int pa = TestNode.freePort(), pb = TestNode.freePort();
        try (TestNode a = TestNode.start("http://127.0.0.1:" + pa, pa, Map.of());
             TestNode b = TestNode.start("http://127.0.0.1:" + pb, pb, Map.of())) {
            LocalActor muster = a.create(Fixtures.musterstadt());
            LocalActor mittelberg = b.create(SearchCorpus.mittelberg());
            b.node().services().follows.follow(mittelberg, a.actorIri("musterstadt"));
            TestNode.await("follow accepted", () -> b.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
            Content project = a.node().services().content.create(muster, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
            TestNode.await("the project arrives", () -> b.count("SELECT count(*) FROM post WHERE iri = '" + project.iri() + "'") == 1);
            TestNode.awaitQuiet(a, b);

            JsonNode found = search(b, "q=" + enc("Haushaltsdaten") + "&field=open-data&status=laufend&land=DE-BY&size=grossstadt&kind=project");
            assertEquals(Set.of(project.iri().toString()), uris(found));
            assertEquals("musterstadt@127.0.0.1:" + pa, found.path("hits").get(0).path("municipality").path("acct").asText());
            assertEquals(Set.of(project.iri().toString()), uris(search(b, "q=" + enc("open budget"))), "its English words too");
        }
    }

    private static void awaitHits(TestNode node, String q, Set<String> expected) {
        TestNode.await("\"" + q + "\" finds " + expected, SECONDS, () -> uris(search(node, "q=" + enc(q))).equals(expected));
    }

    private static Set<String> uris(JsonNode result) {
        Set<String> out = new TreeSet<>();
        for (JsonNode h : result.path("hits")) out.add(h.path("uri").asText());
        return out;
    }
}
