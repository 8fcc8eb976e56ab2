package de.allmende.api.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node that holds events of every origin, for the merged calendar's tests: two municipalities of its own
 * (Musterstadt in Bayern, Auental in Hessen), an Allmende-like peer's municipality in Nordrhein-Westfalen
 * (Kulturamt Beispielstadt, its profile names Land and AGS) and a Mobilizon-like group without a Land (Treffpunkt),
 * with events in different Länder, fields of action, online and on site, in the past and to come. Titles name them.
 */
final class CalendarNetwork implements AutoCloseable {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    final TestNode node;
    final FakeRemote remote;
    final FakeRemote.Actor kulturamt;
    final FakeRemote.Actor treffpunkt;
    final LocalDate today = LocalDate.now(BERLIN);

    /** Musterstadt (BY): hybrid workshop on participation in 10 days, online open-data meeting in 20, one 10 days ago. */
    Content hybrid, online, past;
    /** Auental (HE): on-site transparency evening in 5 days. */
    Content auental;
    /** Received: Kulturamt (NW) on-site participation forum in 15 days; Treffpunkt online open-data hack in 8 days. */
    ObjectNode forum, hack;
    /** Received, addressed to Kulturamt's followers only: never in a calendar. */
    ObjectNode followersOnly;

    CalendarNetwork() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.auental());
        remote = FakeRemote.start();
        kulturamt = remote.actor("kulturamt");
        ObjectNode profile = kulturamt.document().put("type", "Organization").put("name", "Kulturamt Beispielstadt")
                .put("land", "DE-NW").put("ags", "05315000");
        remote.serve("/users/kulturamt", profile);
        treffpunkt = remote.actor("treffpunkt");
        remote.serve("/users/treffpunkt", treffpunkt.document().put("type", "Group").put("name", "Treffpunkt Digital"));

        hybrid = local("musterstadt", "Werkstatt Bürgerhaushalt", 10, "partizipation", true, true);
        online = local("musterstadt", "Open-Data-Sprechstunde", 20, "open-data", false, true);
        past = local("musterstadt", "Rückblick Haushalt", -10, "transparenz", true, false);
        auental = local("auental", "Transparenzabend Auental", 5, "transparenz", true, false);
        forum = received(kulturamt, "Beteiligungsforum Beispielstadt", 15, "Partizipation", true, List.of(PUBLIC));
        hack = received(treffpunkt, "Open-Data-Hack online", 8, "OpenData", false, List.of(PUBLIC));
        followersOnly = received(kulturamt, "Internes Treffen", 12, "Partizipation", true, List.of(kulturamt.id() + "/followers"));
        assertEquals(1, node.count("SELECT count(*) FROM post WHERE visibility = 'followers' AND iri = '" + followersOnly.path("id").asText() + "'"),
                "the node holds the followers-only event (so that its absence from calendars means something)");
    }

    /** An event of a municipality here at 18:00 German time, {@code days} from today. */
    private Content local(String handle, String title, int days, String field, boolean onSite, boolean online) {
        ObjectNode in = ContentFixtures.werkstatt(null);
        in.remove("project");
        in.putObject("title").put("de", title).put("en", title + " (EN)");
        in.putArray("fieldsOfAction").add(field);
        LocalDateTime start = today.plusDays(days).atTime(18, 0);
        in.put("start", start.toString()).put("end", start.plusHours(2).toString()).put("timeZone", BERLIN.getId());
        if (!onSite) in.remove("place");
        if (!online) in.remove("onlineUrl");
        return node.node().services().content.create(node.actor(handle), ContentKind.EVENT, in);
    }

    /** An event as a Mobilizon-like server sends it (FEP-8a8e), delivered signed; returns it once the node holds it. */
    private ObjectNode received(FakeRemote.Actor by, String title, int days, String hashtag, boolean onSite, List<String> to) {
        ObjectNode e = remote.note(by, "<p>" + title + ": <strong>alle</strong> sind eingeladen &amp; willkommen.</p>");
        e.put("type", "Event").put("name", title).put("summary", "Kurz gesagt: " + title).put("timezone", BERLIN.getId())
                .put("url", remote.base() + "/events/" + title.hashCode());
        e.put("startTime", today.plusDays(days).atTime(19, 30).atZone(BERLIN).toOffsetDateTime().toString());
        e.put("endTime", today.plusDays(days).atTime(21, 0).atZone(BERLIN).toOffsetDateTime().toString());
        e.set("location", onSite
                ? e.objectNode().put("type", "Place").put("name", "Stadthalle").set("address",
                        e.objectNode().put("type", "PostalAddress").put("addressLocality", "Beispielstadt"))
                : e.objectNode().put("type", "VirtualLocation").put("url", "https://meet.example/" + title.hashCode()));
        e.putArray("tag").addObject().put("type", "Hashtag").put("name", "#" + hashtag);
        ArrayNode addressed = e.putArray("to");
        to.forEach(addressed::add);
        e.putArray("cc");
        deliver(remote.create(by, e));
        TestNode.await("the node holds " + title, () -> node.count("SELECT count(*) FROM post WHERE iri = '" + e.path("id").asText() + "'") == 1);
        return e;
    }

    /** Update(event) with a new title, delivered. */
    void rename(FakeRemote.Actor by, ObjectNode event, String title) {
        ObjectNode update = remote.activity(by, "Update");
        event.put("name", title).put("updated", Instant.now().toString());
        update.set("object", event);
        deliver(update);
    }

    /** Delete(event), delivered. */
    void delete(FakeRemote.Actor by, ObjectNode event) {
        ObjectNode delete = remote.activity(by, "Delete");
        delete.putObject("object").put("id", event.path("id").asText()).put("type", "Tombstone");
        deliver(delete);
    }

    private void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    /** GET on the node, which must answer 200. */
    java.net.http.HttpResponse<String> get(String pathAndQuery) {
        java.net.http.HttpResponse<String> r = node.get(pathAndQuery, null);
        assertEquals(200, r.statusCode(), () -> pathAndQuery + ": " + r.body());
        return r;
    }

    /** iCalendar as ical4j reads it. */
    static net.fortuna.ical4j.model.Calendar parseIcal(String ics) {
        try {
            return new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
        } catch (Exception e) {
            throw new AssertionError("ical4j cannot read:\n" + ics, e);
        }
    }

    /** Atom as Rome, the library the node writes its feeds with, reads it. */
    static com.rometools.rome.feed.atom.Feed parseAtom(String xml) {
        try {
            var f = (com.rometools.rome.feed.atom.Feed) new com.rometools.rome.io.WireFeedInput()
                    .build(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
            assertEquals("atom_1.0", f.getFeedType());
            return f;
        } catch (Exception e) {
            throw new AssertionError("Rome cannot read:\n" + xml, e);
        }
    }

    static String title(Content c) {
        return c.details().common().title().de();
    }

    static String title(ObjectNode received) {
        return received.path("name").asText();
    }

    @Override
    public void close() {
        remote.close();
        node.close();
    }
}
