package de.allmende.api.statistics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Services;
import de.allmende.api.directory.DirectoryNetwork;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The directory's network ({@link DirectoryNetwork}: five members in Bayern, Hessen (2), Nordrhein-Westfalen and
 * nowhere; an event on participation by Musterstadt and four public notes from the peer, three on open data and one on
 * participation, all published now) with more to count:
 * <ul>
 * <li>a note by the Kulturamt on transparency two months ago, one by the Kreis on participation five months ago and
 *     one by the Kreis fourteen months ago (outside the last twelve months, but still a note on participation);</li>
 * <li>a followers-only note by the Kulturamt on open data, which counts nowhere, though three here like it;</li>
 * <li>the Kreis's first note boosted by Musterstadt and Auental, the Kulturamt's first by Musterstadt; the event liked
 *     by Auental and Beispieldorf, the Kulturamt's first note by Musterstadt;</li>
 * <li>the Kreis, as its followers collection told a coordinator here, has 40 followers (Musterstadt has its two).</li>
 * </ul>
 */
final class StatisticsNetwork implements AutoCloseable {
    static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    final DirectoryNetwork net;
    final TestNode node;
    final URI kulturamtNote, kreisNote, event;

    StatisticsNetwork() {
        net = new DirectoryNetwork();
        node = net.node;
        kulturamtNote = iriOf("Neue Daten im Portal");
        kreisNote = iriOf("Bürgerbeteiligung im Kreis");
        event = URI.create(node.node().services().db.dsl().fetchSingle("SELECT iri FROM post WHERE kind = 'event'").get(0, String.class));

        deliverAt(net.kulturamt, "<p>Haushalt offen #Transparenz</p>", "Transparenz", 2);
        deliverAt(net.kreis, "<p>Jugendforum #Partizipation</p>", "Partizipation", 5);
        deliverAt(net.kreis, "<p>Altes Forum #Partizipation</p>", "Partizipation", 14);
        ObjectNode hidden = net.note(net.kulturamt, "<p>Nur für Folgende #OpenData</p>", "OpenData");
        hidden.putArray("to").add(net.kulturamt.id() + "/followers");
        hidden.putArray("cc");
        net.deliver(net.kulturamt, hidden);
        URI hiddenIri = URI.create(hidden.path("id").asText());
        assertEquals(1, node.count("SELECT count(*) FROM post WHERE visibility = 'followers' AND iri = '" + hiddenIri + "'"));

        Services s = node.node().services();
        s.boosts.boost(node.actor("musterstadt"), kreisNote);
        s.boosts.boost(node.actor("auental"), kreisNote);
        s.boosts.boost(node.actor("musterstadt"), kulturamtNote);
        s.likes.like(node.actor("auental"), event);
        s.likes.like(node.actor("beispieldorf"), event);
        s.likes.like(node.actor("musterstadt"), kulturamtNote);
        for (String handle : new String[] {"musterstadt", "auental", "beispieldorf"}) s.likes.like(node.actor(handle), hiddenIri);
        node.execute("INSERT INTO remote_follower_count (actor_iri, followers) VALUES ('" + net.kreis.id() + "', 40)");
        TestNode.await("the search index holds every public post", () -> node.count("SELECT count(*) FROM search_document") == 8);
    }

    /** Delivers a public note as published in the middle of the month {@code monthsAgo} months before this one. */
    private void deliverAt(FakeRemote.Actor by, String html, String hashtag, int monthsAgo) {
        ObjectNode note = net.note(by, html, hashtag);
        note.put("published", YearMonth.now(GERMANY).minusMonths(monthsAgo).atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC).toString());
        net.deliver(by, note);
    }

    private URI iriOf(String text) {
        return URI.create(node.node().services().db.dsl()
                .fetchSingle("SELECT iri FROM post WHERE content::text LIKE ?", "%" + text + "%").get(0, String.class));
    }

    @Override
    public void close() {
        net.close();
    }
}
