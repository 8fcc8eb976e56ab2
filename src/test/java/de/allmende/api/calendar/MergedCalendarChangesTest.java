package de.allmende.api.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.testkit.Browser;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static de.allmende.api.calendar.CalendarNetwork.title;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar follows what happens to the events it lists (an edit or delete received from a peer, one made here),
 * and a filter that names nothing valid is a 400 that says what was expected — never a 500, never a wider list.
 */
@DisplayName("merged calendar: edits and deletes show at once; bad filters are a 400 with a clear message")
class MergedCalendarChangesTest {
    static CalendarNetwork net;

    @BeforeAll
    static void start() {
        net = new CalendarNetwork();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    @DisplayName("a received event's Update renames it and its Delete takes it out, in every rendering")
    void receivedEditAndDelete() {
        net.rename(net.kulturamt, net.forum, "Beteiligungsforum, neuer Titel");
        TestNode.await("the page shows the new title", () -> titles("?land=NW").equals(List.of("Beteiligungsforum, neuer Titel")));
        assertEquals(List.of("Beteiligungsforum, neuer Titel"), icalTitles("?land=NW"));

        net.delete(net.treffpunkt, net.hack);
        TestNode.await("the deleted event is gone", () -> !titles("").contains(title(net.hack)));
        assertFalse(icalTitles("").contains(title(net.hack)));
        assertFalse(net.get("/calendar.atom").body().contains(net.hack.path("id").asText()));
    }

    @Test
    @DisplayName("an event edited or deleted here changes the calendar as well")
    void localEditAndDelete() {
        var content = net.node.node().services().content;
        ObjectNode in = de.allmende.testkit.ContentFixtures.werkstatt(null);
        in.remove("project");
        in.putObject("title").put("de", "Sprechstunde verschoben");
        in.put("start", net.today.plusDays(25).atTime(10, 0).toString()).put("end", net.today.plusDays(25).atTime(11, 0).toString());
        var changed = content.update(net.node.actor("musterstadt"), ContentKind.EVENT, net.online.id().orElseThrow(), in);
        assertEquals(List.of(title(net.hybrid), "Sprechstunde verschoben"), titles("?municipality=musterstadt"));
        content.delete(net.node.actor("musterstadt"), ContentKind.EVENT, changed.id().orElseThrow());
        assertEquals(List.of(title(net.hybrid)), titles("?municipality=musterstadt"));
    }

    @Test
    @DisplayName("bad filter values: 400 with what was expected — on the page in its language, as JSON for the feeds")
    void badFiltersAre400() {
        List<String> bad = List.of("?land=Atlantis", "?field=klima", "?attendance=both", "?from=2026-13-01", "?to=morgen",
                "?from=2026-05-02&to=2026-05-01", "?municipality=a%20b%20c", "?lang=fr", "?unknown=1",
                "?from=2026-01-01&from=2026-02-01", "?from=%2B999999999-12-31", "?land=" + "x".repeat(400));
        for (String query : bad) {
            Browser.Page page = Browser.open(net.node, "/calendar" + query);
            assertEquals(400, page.status(), query);
            assertNotNull(page.doc().selectFirst("[role=alert]"), query + ": the page says what is wrong");
            assertNotNull(page.doc().selectFirst("form[action=/calendar]"), query + ": and offers the form again");
            for (String feed : List.of("/calendar.ics", "/calendar.atom")) {
                HttpResponse<String> r = net.node.get(feed + query, null);
                assertEquals(400, r.statusCode(), feed + query);
                assertTrue(r.body().startsWith("{\"error\":\"") && r.body().length() > 30, feed + query + ": " + r.body());
            }
        }
        for (String path : List.of("/calendar", "/calendar.ics", "/calendar.atom")) {
            // A malformed escape, which Java's HTTP client would not even send (the node's request guard refuses it first).
            var answer = de.allmende.testkit.RawHttp.send(net.node.node().port(),
                    de.allmende.testkit.RawHttp.request("GET", path + "?from=%zz&lang=en", "127.0.0.1", "", ""));
            assertEquals(400, answer.status(), path + ": " + answer);
            assertTrue(answer.body().contains("malformed") || answer.body().contains("wrongly encoded"), path + ": " + answer.body());
        }
        assertTrue(Browser.open(net.node, "/calendar?land=Atlantis").text().contains("Unbekanntes Land „Atlantis“"));
        assertTrue(Browser.open(net.node, "/calendar?land=Atlantis&lang=en").text().contains("Unknown Land “Atlantis”"));
        assertTrue(net.node.get("/calendar.ics?field=klima", null).body().contains("Unknown field of action"));
    }

    private static List<String> titles(String query) {
        return Browser.open(net.node, "/calendar" + query).doc().select("article h4 a").eachText();
    }

    private static List<String> icalTitles(String query) {
        return CalendarNetwork.parseIcal(net.get("/calendar.ics" + query).body()).getComponents("VEVENT").stream()
                .map(e -> ((net.fortuna.ical4j.model.component.VEvent) e).getRequiredProperty("SUMMARY").getValue()).toList();
    }
}
