package de.allmende.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.service.ContentService;
import de.allmende.testkit.Browser;
import de.allmende.testkit.Browser.Page;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.Media;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.TestNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browsers get an accessible HTML page at each content IRI; ActivityPub clients still get JSON-LD. */
class ContentPagesTest {
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
        shown = Showcase.publish(node, musterstadt);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void projectPageShowsStatusPartnersCouncilDocumentsAndContacts() {
        Page p = Browser.open(node, shown.project().iri());
        assertEquals(200, p.status());
        assertEquals("Offener Haushalt", p.doc().selectFirst("h1").text());
        assertEquals("Open Budget", p.doc().selectFirst("p[lang=en]").text());
        assertFact(p, "Status", "verstetigt"); // the update moved it
        assertFact(p, "Stand", "30. Juni 2026");
        assertEquals("2026-06-30", fact(p, "Stand").selectFirst("time").attr("datetime"));
        assertFact(p, "Handlungsfelder", "Transparenz Open Data");
        assertFact(p, "Perspektiven von Offenheit", "Transparenz Offenheit beim IT-Einsatz");
        assertFact(p, "Förderprogramm", "Modellkommune Open Government (BMI, 2017–2019)");
        assertEquals("https://beispieldorf.example/actors/beispieldorf", link(p, "Gemeinde Beispieldorf"));
        assertEquals("https://ris.musterstadt.example/oparl/paper/4711", fact(p, "Ratsdokumente").selectFirst("a").attr("href"));
        assertEquals("mailto:opengov@musterstadt.example", link(p, "opengov@musterstadt.example"));
        assertTrue(fact(p, "Kontakt").text().contains("Open-Government-Team (Koordination)"));
        assertEquals("Ziel", p.doc().selectFirst(".body h3").text(), "Markdown headings start below the page's h2");
        assertNotNull(p.doc().selectFirst("section[lang=en] strong"), "the English body is marked as English");
    }

    @Test
    void eventPageShowsLocalTimeWithZonePlaceAndLinks() {
        Page p = Browser.open(node, shown.event().iri());
        assertFact(p, "Beginn", "Dienstag, 3. März 2026, 18:00 Uhr");
        assertEquals("2026-03-03T18:00+01:00", fact(p, "Beginn").selectFirst("time").attr("datetime"));
        assertEquals("2026-03-03T20:30+01:00", fact(p, "Ende").selectFirst("time").attr("datetime"));
        assertFact(p, "Zeitzone", "Europe/Berlin (MEZ)");
        assertFact(p, "Ort", "Rathaus Musterstadt, Sitzungssaal");
        assertFact(p, "Adresse", "Marktplatz 1 90403 Musterstadt Bayern DE");
        assertFact(p, "Status", "findet statt");
        assertFact(p, "Teilnahme", "Anmeldung extern");
        assertEquals("https://meet.musterstadt.example/buergerhaushalt", fact(p, "Online").selectFirst("a").attr("href"));
        assertEquals("https://musterstadt.example/anmeldung", fact(p, "Anmeldung").selectFirst("a").attr("href"));
        assertEquals(shown.project().iri().toString(), link(p, "Offener Haushalt"), "the project is named by its title");
        assertEquals(node.url() + "/actors/musterstadt/events.ics",
                p.doc().selectFirst("head link[rel=alternate][type=text/calendar]").attr("href"));
    }

    @Test
    void lessonPageShowsSectionsTransferabilityEffortAndEvidence() {
        Page p = Browser.open(node, shown.lesson().iri());
        List<String> headings = p.doc().select("section > h2").eachText();
        assertEquals(List.of("Ausgangslage", "Vorgehen", "Was funktioniert hat", "Hindernisse", "Empfehlung"), headings);
        assertFact(p, "Art der Erfahrung", "Erfolgsfaktor");
        assertFact(p, "Übertragbarkeit", "hoch");
        assertFact(p, "Geeignet für", "Mittelstadt (20.000–100.000 Einw.) Großstadt (ab 100.000 Einw.)");
        assertFact(p, "Aufwand", "12 Personentage");
        assertFact(p, "Kosten", "3.500,00 €");
        assertEquals("https://ris.musterstadt.example/oparl/paper/4711", fact(p, "Belege").selectFirst("a").attr("href"));
        assertEquals("Involve the council before the first dataset.", p.doc().selectFirst("section div[lang=en]").text());
    }

    @Test
    void workingAidPageShowsLicenceVersionOriginAndFiles() {
        Page p = Browser.open(node, shown.aid().iri());
        assertFact(p, "Art der Arbeitshilfe", "Ratsvorlage/Musterbeschluss");
        assertEquals("https://www.govdata.de/dl-de/by-2-0", link(p, "Datenlizenz Deutschland – Namensnennung – Version 2.0"));
        assertFact(p, "Version", "1.2");
        assertEquals("https://beispieldorf.example/objects/0c7f6a52-1111-4d4e-9c1e-2a3b4c5d6e7f",
                fact(p, "Abgeleitet von").selectFirst("a").attr("href"));
        Element file = p.doc().selectFirst("h2:containsOwn(Dateien) + ul li");
        assertEquals("musterbeschluss.pdf (PDF)", file.text());
        assertTrue(file.selectFirst("a").attr("href").startsWith(node.url() + "/media/"));
    }

    @Test
    void updatePageLinksItsProjectAndNewStatus() {
        Page p = Browser.open(node, shown.update().iri());
        assertEquals("Haushaltsportal ist online", p.doc().selectFirst("h1").text());
        assertEquals(shown.project().iri().toString(), link(p, "Offener Haushalt"));
        assertFact(p, "Neuer Status", "verstetigt");
    }

    @Test
    void everyPageHasLandmarksOneHeadingLanguageAndNoScript() {
        for (Content c : shown.all()) {
            Page p = Browser.open(node, c.iri());
            String what = c.kind() + " page";
            assertEquals("text/html; charset=utf-8", p.response().headers().firstValue("Content-Type").orElseThrow());
            assertEquals("de", p.doc().selectFirst("html").attr("lang"), what);
            for (String landmark : List.of("header", "nav", "main", "footer")) {
                assertEquals(1, p.doc().select(landmark).size(), what + ": one " + landmark);
            }
            assertEquals(1, p.doc().select("h1").size(), what + ": exactly one h1");
            assertEquals("#main", p.doc().selectFirst("body > a").attr("href"), what + ": skip link first");
            assertEquals("main", p.doc().selectFirst("main").id());
            assertTrue(p.doc().select("script").isEmpty() && !p.raw().toLowerCase().contains("<script"), what + ": no script");
            assertTrue(p.doc().select("[lang]").eachAttr("lang").stream().allMatch(Set.of("de", "en")::contains), what);
            assertTrue(p.doc().select("link[rel=stylesheet], img[src^=http]:not([src^=" + node.url() + "])").isEmpty(),
                    what + ": no external assets");
            assertEquals(c.iri().toString(), p.doc().selectFirst("head link[rel=alternate][type=application/activity+json]").attr("href"));
            assertEquals(node.url() + "/actors/musterstadt/" + c.kind().plural() + "/feed.atom",
                    p.doc().selectFirst("head link[rel=alternate][type=application/atom+xml]").attr("href"));
            assertEquals(musterstadt.displayName(), p.doc().selectFirst("a[rel=author]").text());
            assertFalse(p.doc().select("time[datetime]").isEmpty(), what + ": published time");
            assertEquals("Vary: Accept", "Vary: " + p.response().headers().firstValue("Vary").orElse(""));
        }
    }

    @Test
    void hostileTextIsShownAsTextAndImagesCarryAltText() {
        String image = Media.image(node, "musterstadt", "plan.png", "Plan \"<b>Markt</b>\"").toString();
        var input = ContentFixtures.offenerHaushalt();
        input.putObject("title").put("de", "<script>alert('x')</script> & Co");
        input.putObject("body").put("de", "<img src=x onerror=alert(1)> [klick](javascript:alert(1))");
        input.putArray("images").add(image);
        Content hostile = content.create(musterstadt, ContentKind.PROJECT, input);

        Page p = Browser.open(node, hostile.iri());
        assertEquals("<script>alert('x')</script> & Co", p.doc().selectFirst("h1").text(), "the title shows as text");
        assertTrue(p.doc().select("script").isEmpty(), "no script element came through");
        assertTrue(p.raw().contains("&lt;script&gt;alert("), "escaped in the markup");
        assertTrue(p.doc().select("*").stream().allMatch(e -> e.attributes().asList().stream()
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().toLowerCase().startsWith("javascript:"))),
                "no event handlers or javascript: links");
        Element img = p.doc().selectFirst("main img");
        assertEquals("Plan \"<b>Markt</b>\"", img.attr("alt"));
        assertTrue(img.attr("src").startsWith(node.url() + "/media/"));
    }

    @Test
    void activityPubClientsStillGetTheJsonLd() throws Exception {
        String path = shown.project().iri().getRawPath();
        var as = node.get(path, "application/activity+json");
        assertEquals(200, as.statusCode());
        assertEquals("application/activity+json", as.headers().firstValue("Content-Type").orElseThrow());
        JsonNode doc = GoldenJson.JSON.readTree(as.body());
        assertEquals(shown.project().iri().toString(), doc.get("id").asText());
        assertEquals("Page", doc.get("type").asText());

        var ld = node.get(path, "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        assertEquals("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", ld.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(shown.project().iri().toString(), GoldenJson.JSON.readTree(ld.body()).get("id").asText());

        assertEquals("application/activity+json", node.get(path, null).headers().firstValue("Content-Type").orElseThrow(),
                "no Accept header: a server, not a browser");

        var visibleLink = node.get(path + "?format=json", Browser.ACCEPT);
        assertEquals("application/activity+json", visibleLink.headers().firstValue("Content-Type").orElseThrow(),
                "the footer's JSON-LD link works in a browser");
    }

    @Test
    void deletedContentIsGoneAsPageAndAsTombstone() throws Exception {
        Content doomed = content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(shown.project().iri()));
        content.delete(musterstadt, ContentKind.EVENT, doomed.id().orElseThrow());

        Page p = Browser.open(node, doomed.iri());
        assertEquals(410, p.status());
        assertEquals("Dieser Inhalt wurde gelöscht", p.doc().selectFirst("h1").text());
        assertFalse(p.raw().contains("Werkstatt Bürgerhaushalt"), "the deleted words are not shown");
        var json = node.get(doomed.iri().getRawPath(), "application/activity+json");
        assertEquals(410, json.statusCode());
        assertEquals("Tombstone", GoldenJson.JSON.readTree(json.body()).get("type").asText());
    }

    @Test
    void profilePageListsRecentContentAndAdvertisesTheFeeds() {
        Page p = Browser.open(node, "/actors/musterstadt");
        for (Content c : shown.all()) {
            Element a = p.doc().selectFirst("#beitraege + ul a[href=" + c.iri() + "]");
            assertNotNull(a, c.kind() + " is listed");
            assertEquals(c.details().common().title().de(), a.text());
        }
        assertEquals(node.url() + "/actors/musterstadt/feed.atom",
                p.doc().selectFirst("head link[rel=alternate][type=application/atom+xml]").attr("href"));
        assertEquals(node.url() + "/actors/musterstadt/events.ics",
                p.doc().selectFirst("head link[rel=alternate][type=text/calendar]").attr("href"));
        assertEquals(1, p.doc().select("h1").size());
        assertEquals(1, p.doc().select("nav").size());
    }

    private static Element fact(Page p, String label) {
        Element dt = p.doc().select("dl > dt").stream().filter(e -> e.text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact '" + label + "' in " + p.doc().select("dl > dt").eachText()));
        return dt.nextElementSibling();
    }

    private static void assertFact(Page p, String label, String text) {
        assertEquals(text, fact(p, label).text(), label);
    }

    private static String link(Page p, String text) {
        return p.doc().select("main a").stream().filter(a -> a.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no link '" + text + "'")).attr("href");
    }
}
