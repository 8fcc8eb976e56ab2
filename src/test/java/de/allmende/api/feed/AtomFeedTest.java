package de.allmende.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.service.ContentService;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.IndependentFeedReader;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.TestNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static de.allmende.api.feed.AtomStructure.children;
import static de.allmende.api.feed.AtomStructure.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atom feeds per actor and per kind: valid RFC 4287, read the same by an independent feed reader. */
class AtomFeedTest {
    static TestNode node;
    static LocalActor musterstadt;
    static ContentService content;
    static Showcase shown;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        musterstadt = node.actor("musterstadt");
        content = node.node().services().content;
        // One item per second gives the feed a known order.
        shown = Showcase.publish(node, musterstadt, Showcase::nextSecond);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void actorFeedIsValidAtomWithEveryKindNewestFirst() throws Exception {
        HttpResponse<String> r = node.get("/actors/musterstadt/feed.atom", null);
        assertEquals(200, r.statusCode());
        assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        Element feed = AtomStructure.parseValid(r.body()).getDocumentElement();
        assertEquals("de", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(node.url() + "/actors/musterstadt/feed.atom", text(feed, "id"));
        assertEquals("Stadt Musterstadt", text(feed, "title"));
        assertEquals(node.url() + "/actors/musterstadt/feed.atom", link(feed, "self").getAttribute("href"));
        assertEquals(node.url() + "/actors/musterstadt", text(children(feed, "author").getFirst(), "uri"));

        List<Element> entries = children(feed, "entry");
        assertEquals(shown.all().reversed().stream().map(c -> c.iri().toString()).toList(),
                entries.stream().map(e -> text(e, "id")).toList(), "entry id = object IRI, newest first");
        Instant newest = entries.stream().map(e -> Instant.parse(text(e, "updated"))).max(Instant::compareTo).orElseThrow();
        assertEquals(newest, Instant.parse(text(feed, "updated")), "the feed is as new as its newest entry");
    }

    @Test
    void entriesCarryTitleLinkDatesSummaryHtmlAndFieldsOfAction() throws Exception {
        Element feed = AtomStructure.parseValid(node.get("/actors/musterstadt/feed.atom", null).body()).getDocumentElement();
        Element e = entry(feed, shown.project().iri());
        Content current = content.get(musterstadt, ContentKind.PROJECT, shown.project().id().orElseThrow()); // moved by the update
        assertEquals("Offener Haushalt", text(e, "title"));
        Element alternate = children(e, "link").stream().filter(l -> "text/html".equals(l.getAttribute("type"))).findFirst().orElseThrow();
        assertEquals(shown.project().iri().toString(), alternate.getAttribute("href"), "the HTML page is at the IRI");
        assertEquals(current.updated(), Instant.parse(text(e, "updated")));
        assertEquals(shown.project().published(), Instant.parse(text(e, "published")));
        assertEquals("Der städtische Haushalt als offene Daten und interaktive Grafik.", text(e, "summary"));
        Element html = children(e, "content").getFirst();
        assertEquals("html", html.getAttribute("type"));
        assertEquals("Ziel", Jsoup.parse(html.getTextContent()).selectFirst("h3").text(), "content is escaped HTML");
        assertEquals(List.of("project|https://w3id.org/allmende/ns#kind", "transparenz|https://w3id.org/allmende/ns#fieldOfAction",
                        "open-data|https://w3id.org/allmende/ns#fieldOfAction"),
                children(e, "category").stream().map(c -> c.getAttribute("term") + "|" + c.getAttribute("scheme")).toList());
        assertEquals("Open Data", children(e, "category").get(2).getAttribute("label"));
        assertEquals("Stadt Musterstadt", text(children(e, "author").getFirst(), "name"));
        assertTrue(text(entry(feed, shown.event().iri()), "summary").startsWith("Di., 3. März 2026, 18:00–20:30 Uhr"),
                "an event's summary starts with when and where");
    }

    @Test
    void anIndependentFeedReaderReadsTheSameEntries() {
        JsonNode feed = IndependentFeedReader.parse(node.get("/actors/musterstadt/feed.atom", null).body());
        assertEquals("atom", feed.at("/meta/type").asText());
        assertEquals("Stadt Musterstadt", feed.get("title").asText());
        assertEquals(node.url() + "/actors/musterstadt", feed.get("url").asText());
        assertEquals(node.url() + "/actors/musterstadt/feed.atom", feed.get("self").asText());
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertEquals(shown.all().reversed().stream().map(c -> c.iri().toString()).toList(), ids);
        JsonNode lessonItem = feed.get("items").get(2);
        assertEquals("Den Rat früh einbinden", lessonItem.get("title").asText());
        assertEquals(shown.lesson().iri().toString(), lessonItem.get("url").asText());
        assertEquals(shown.lesson().published(), Instant.parse(lessonItem.get("published").asText()));
        assertEquals("Ein offener Haushalt gelingt, wenn der Rat ihn von Anfang an mitträgt.", lessonItem.get("description").asText());
        assertEquals("Stadt Musterstadt", lessonItem.at("/authors/0/name").asText());
        assertEquals("Verwaltungsentwicklung", lessonItem.at("/categories/2/label").asText());
    }

    @Test
    void kindFeedsHoldOnlyTheirKind() throws Exception {
        HttpResponse<String> r = node.get("/actors/musterstadt/events/feed.atom", null);
        assertEquals(200, r.statusCode());
        Element feed = AtomStructure.parseValid(r.body()).getDocumentElement();
        assertEquals("Stadt Musterstadt – Veranstaltungen", text(feed, "title"));
        assertEquals(node.url() + "/actors/musterstadt/events/feed.atom", text(feed, "id"));
        assertEquals(List.of(shown.event().iri().toString()), children(feed, "entry").stream().map(e -> text(e, "id")).toList());
        for (ContentKind k : ContentKind.values()) {
            Document d = AtomStructure.parseValid(node.get("/actors/musterstadt/" + k.plural() + "/feed.atom", null).body());
            assertEquals(1, children(d.getDocumentElement(), "entry").size(), k.plural());
        }
        assertEquals(404, node.get("/actors/musterstadt/notes/feed.atom", null).statusCode());
        assertEquals(404, node.get("/actors/nobody/feed.atom", null).statusCode());
    }

    @Test
    void feedsAreCacheableAndRevalidatedByEtag() throws Exception {
        node.create(Fixtures.auental()); // its own feed, so the other scenarios keep theirs
        LocalActor auental = node.actor("auental");
        content.create(auental, ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(shown.project().iri()));
        String path = "/actors/auental/lessons/feed.atom";
        HttpResponse<String> first = node.get(path, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=300", first.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(304, ifNoneMatch(path, etag).statusCode());
        assertEquals("", ifNoneMatch(path, etag).body());

        content.create(auental, ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(shown.project().iri()));
        HttpResponse<String> changed = ifNoneMatch(path, etag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    }

    private static HttpResponse<String> ifNoneMatch(String path, String etag) {
        return TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path)).header("If-None-Match", etag).GET().build());
    }

    @Test
    void aFeedHoldsTheNewestFiftyEntries() throws Exception {
        try (TestNode busy = TestNode.start()) {
            busy.create(Fixtures.beispieldorf());
            LocalActor dorf = busy.actor("beispieldorf");
            var service = busy.node().services().content;
            Content p = service.create(dorf, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
            for (int i = 0; i < 55; i++) service.create(dorf, ContentKind.UPDATE, ContentFixtures.haushaltUpdate(p.iri()));
            Element feed = AtomStructure.parseValid(busy.get("/actors/beispieldorf/feed.atom", null).body()).getDocumentElement();
            List<Instant> published = children(feed, "entry").stream().map(e -> Instant.parse(text(e, "published"))).toList();
            assertEquals(50, published.size());
            assertEquals(published.stream().sorted(java.util.Comparator.reverseOrder()).toList(), published, "newest first");
        }
    }

    private static Element entry(Element feed, URI iri) {
        return children(feed, "entry").stream().filter(e -> iri.toString().equals(text(e, "id"))).findFirst().orElseThrow();
    }

    private static Element link(Element el, String rel) {
        return children(el, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).findFirst().orElseThrow();
    }
}
