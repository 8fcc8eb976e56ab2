package de.allmende.api.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FollowerRows;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node whose directory has members of every origin, for the directory's tests:
 * <ul>
 * <li>its own municipalities: Musterstadt (Bayern, kreisfreie Stadt, 120,000: Großstadt; two followers; an event on
 *     participation), Auental (Hessen, nothing more stated) and Beispieldorf (nothing stated);</li>
 * <li>Kulturamt Beispielstadt on a peer (Nordrhein-Westfalen, Stadt, 8,000: Kleinstadt), followed by Musterstadt, with a
 *     note tagged #OpenData;</li>
 * <li>Landkreis Beispielkreis on the peer (Hessen, Landkreis), which the coordinator here subscribes to, with a note
 *     tagged #Partizipation.</li>
 * </ul>
 * Never members: the coordinator itself, a group Musterstadt follows that states no municipal facts (Treffpunkt), and
 * a municipality whose note reached the node though nobody here follows or subscribes to it (Fremdstadt).
 */
public final class DirectoryNetwork implements AutoCloseable {
    public static final List<String> ALL = List.of("Gemeinde Auental", "Gemeinde Beispieldorf", "Kulturamt Beispielstadt",
            "Landkreis Beispielkreis", "Stadt Musterstadt");

    public final TestNode node;
    public final FakeRemote remote;
    public final FakeRemote.Actor kulturamt, kreis, treffpunkt, fremdstadt;

    public DirectoryNetwork() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.auental());
        node.create(Fixtures.beispieldorf());
        node.execute("INSERT INTO actor (kind, handle, display_name, land) VALUES ('coordinator', 'netzwerk-hessen', 'Netzwerk Hessen', '06')");
        remote = FakeRemote.start();
        kulturamt = municipality("kulturamt", "Kulturamt Beispielstadt", "DE-NW", "stadt", 8000);
        kreis = municipality("kreis", "Landkreis Beispielkreis", "DE-HE", "landkreis", null);
        fremdstadt = municipality("fremdstadt", "Fremdstadt", "DE-SN", "stadt", 30000);
        treffpunkt = remote.actor("treffpunkt");
        remote.serve("/users/treffpunkt", treffpunkt.document().put("type", "Group").put("name", "Treffpunkt Digital"));

        ObjectNode event = ContentFixtures.werkstatt(null);
        event.remove("project");
        node.node().services().content.create(node.actor("musterstadt"), ContentKind.EVENT, event);
        deliver(kulturamt, "<p>Neue Daten im Portal #OpenData</p>", "OpenData");
        deliver(kreis, "<p>Bürgerbeteiligung im Kreis #Partizipation</p>", "Partizipation");
        deliver(fremdstadt, "<p>Hallo #OpenData</p>", "OpenData");
        deliver(treffpunkt, "<p>Treffen #OpenData</p>", "OpenData");

        follow("musterstadt", kulturamt);
        follow("musterstadt", treffpunkt);
        node.execute("INSERT INTO coordinator_subscription (coordinator_id, municipality, origin_host) SELECT id, '" + kreis.id() + "', '"
                + remote.base().getRawAuthority() + "' FROM actor WHERE handle = 'netzwerk-hessen'");
        FollowerRows.insert(node.database(), node.actorIri("musterstadt"),
                List.of(URI.create(remote.base() + "/users/fan1"), URI.create(remote.base() + "/users/fan2")));
        TestNode.await("the search index holds every public post", () -> node.count("SELECT count(*) FROM search_document") == 5);
    }

    private FakeRemote.Actor municipality(String name, String title, String land, String type, Integer population) {
        FakeRemote.Actor a = remote.actor(name);
        ObjectNode doc = a.document().put("type", "Organization").put("name", title).put("land", land).put("municipalityType", type);
        if (population != null) doc.put("population", population);
        if (type.equals("stadt")) doc.put("ags", "05315000");
        remote.serve("/users/" + name, doc);
        return a;
    }

    /** A public note with a hashtag, delivered signed; returns once the node holds it. */
    private void deliver(FakeRemote.Actor by, String html, String hashtag) {
        deliver(by, note(by, html, hashtag));
    }

    /** A public note by {@code by} tagged with {@code hashtag}, not yet delivered (so a test may change it). */
    public ObjectNode note(FakeRemote.Actor by, String html, String hashtag) {
        ObjectNode note = remote.note(by, html);
        note.putArray("tag").addObject().put("type", "Hashtag").put("name", "#" + hashtag);
        return note;
    }

    /** Delivers {@code note} signed in a Create; returns once the node holds it. */
    public void deliver(FakeRemote.Actor by, ObjectNode note) {
        String html = note.path("content").asText();
        var answer = remote.post(URI.create(node.url() + "/inbox"), remote.create(by, note)).send();
        assertEquals(202, answer.status(), answer::toString);
        TestNode.await("the node holds " + html, () -> node.count("SELECT count(*) FROM post WHERE iri = '" + note.path("id").asText() + "'") == 1);
    }

    /** An accepted follow of a remote actor by a municipality here. */
    private void follow(String handle, FakeRemote.Actor followee) {
        node.execute("INSERT INTO follow (follower, followee, follower_id, followee_id, activity_iri, state)"
                + " SELECT '" + node.actorIri(handle) + "', r.iri, l.id, r.id, '" + node.actorIri(handle) + "#follow-" + followee.id().hashCode()
                + "', 'accepted' FROM account l JOIN actor a ON a.id = l.local_actor_id AND a.handle = '" + handle + "', account r"
                + " WHERE r.iri = '" + followee.id() + "'");
    }

    @Override
    public void close() {
        remote.close();
        node.close();
    }
}
