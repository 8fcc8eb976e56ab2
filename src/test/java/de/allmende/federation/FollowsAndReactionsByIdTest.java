package de.allmende.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.PostKind;
import de.allmende.store.FollowStore;
import de.allmende.store.PostStore;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestAccounts;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Mastodon-shaped peer follows a municipality, likes and boosts its note, and takes it all back: the rows name
 * the peer's and the municipality's accounts and the note's post by id, and the boost is a post of its own naming
 * the note (Mastodon's reblog_of_id) — until an Undo, or a Delete of the Announce, removes it.
 */
@DisplayName("follows, likes and boosts from a Mastodon-shaped peer: rows by account and post ids")
class FollowsAndReactionsByIdTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static TestNode node;
    private static FakeRemote mastodon;
    private static FakeRemote.Actor alice;
    private static URI municipality;
    private static URI note;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        var musterstadt = node.create(Fixtures.musterstadt());
        municipality = node.actorIri("musterstadt");
        note = node.node().services().notes.publish(musterstadt, "<p>Sperrmüll am Samstag</p>");
        mastodon = FakeRemote.start();
        alice = mastodon.actor("alice");
    }

    @AfterAll
    static void stop() {
        if (mastodon != null) mastodon.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("Follow, Like and Announce are stored by ids, the boost as a post; their Undos remove them")
    void followLikeBoostAndUndo() {
        ObjectNode follow = mastodon.follow(alice, municipality);
        follow.put("id", mastodon.base() + "/" + java.util.UUID.randomUUID()); // Mastodon's Follow ids are bare UUID paths
        deliver(follow);
        assertEquals(1, node.count("SELECT count(*) FROM follow f" + byAlice("f.follower_id") + byMusterstadt("f.followee_id")
                + " WHERE f.state = 'accepted' AND f.activity_iri = '" + follow.get("id").asText() + "'"));

        ObjectNode like = mastodon.like(alice, note);
        like.put("id", alice.id() + "#likes/1");
        deliver(like);
        assertEquals(1, node.count("SELECT count(*) FROM reaction r" + byAlice("r.account_id") + onTheNote("r.post_id")
                + " WHERE r.kind = 'like'"));

        ObjectNode announce = announce("1");
        deliver(announce);
        assertEquals(1, node.count("SELECT count(*) FROM reaction r" + byAlice("r.account_id") + onTheNote("r.post_id")
                + " WHERE r.kind = 'announce'"));
        assertEquals(1, node.count("SELECT count(*) FROM post b" + byAlice("b.author_id") + onTheNote("b.reblog_of_id")
                + " WHERE b.kind = 'boost' AND b.visibility = 'public' AND b.iri = '" + announce.get("id").asText() + "'"));

        deliver(undo(announce, "/undo"));
        deliver(undo(like, "/undo"));
        deliver(undo(follow, "/undo"));
        assertEquals(0, node.count("SELECT count(*) FROM reaction r JOIN account a ON a.id = r.account_id AND a.iri = '" + alice.id() + "'")
                + node.count("SELECT count(*) FROM follow f JOIN account a ON a.id = f.follower_id AND a.iri = '" + alice.id() + "'"));
        assertEquals(0, node.count("SELECT count(*) FROM post b" + byAlice("b.author_id") + " WHERE b.kind = 'boost'"));
        assertEquals(1, node.count("SELECT count(*) FROM post WHERE iri = '" + note + "' AND deleted IS NULL"), "the note stays");
    }

    @Test
    @DisplayName("a Delete naming the Announce takes the boost back too")
    void deleteOfTheAnnounce() {
        ObjectNode announce = announce("2");
        deliver(announce);
        assertEquals(1, node.count("SELECT count(*) FROM post WHERE kind = 'boost' AND iri = '" + announce.get("id").asText() + "'"));
        ObjectNode delete = mastodon.activity(alice, "Delete");
        delete.put("id", announce.get("id").asText() + "#delete");
        delete.put("object", announce.get("id").asText());
        delete.putArray("to").add(PUBLIC);
        deliver(delete);
        assertEquals(0, node.count("SELECT count(*) FROM post WHERE kind = 'boost' AND iri = '" + announce.get("id").asText() + "'"));
        assertEquals(0, node.count("SELECT count(*) FROM reaction WHERE activity_iri = '" + announce.get("id").asText() + "'"));
    }

    @Test
    @DisplayName("the municipality's own boost of a received post is a post by its account naming that post; undoing removes it")
    void localBoost() {
        ObjectNode received = mastodon.note(alice, "<p>Radweg eröffnet</p>");
        deliver(mastodon.create(alice, received));
        URI boosted = URI.create(received.get("id").asText());
        var boosts = node.node().services().boosts;
        URI announce = boosts.boost(node.actor("musterstadt"), boosted);
        assertEquals(1, node.count("SELECT count(*) FROM post b" + byMusterstadt("b.author_id") + onPost("b.reblog_of_id", boosted)
                + " WHERE b.kind = 'boost' AND b.iri = '" + announce + "' AND b.origin_host IS NULL"));
        boosts.undo(node.actor("musterstadt"), boosted);
        assertEquals(0, node.count("SELECT count(*) FROM post WHERE kind = 'boost' AND iri = '" + announce + "'"));
        TestNode.awaitQuiet(node);
    }

    @Test
    @DisplayName("a followed actor's boost of a third server's post: that post is kept typed, and the boost names it")
    void boostOfAThirdServersPost() {
        FakeRemote.Actor bob = mastodon.actor("bob");
        FakeRemote.Actor carol = mastodon.actor("carol");
        ObjectNode announce = followedBoostsThirdServersNote(bob, carol, "7", "<p>Markt am Sonntag</p>");
        URI carolsNote = URI.create(announce.get("object").asText());
        assertEquals(1, node.count("SELECT count(*) FROM post b JOIN account bob ON bob.id = b.author_id AND bob.iri = '" + bob.id() + "'"
                + onPost("b.reblog_of_id", carolsNote) + " WHERE b.kind = 'boost' AND b.iri = '" + announce.get("id").asText() + "'"));
        assertEquals(1, node.count("SELECT count(*) FROM post p JOIN account carol ON carol.id = p.author_id AND carol.iri = '"
                + carol.id() + "' WHERE p.iri = '" + carolsNote + "' AND p.kind = 'note' AND p.origin_host IS NOT NULL"));
    }

    @Test
    @DisplayName("a boosted post kept for the booster's followers is a post created like any other, and the boost reads back naming it")
    void keptBoostedPostIsCreated() {
        FakeRemote.Actor dave = mastodon.actor("dave");
        FakeRemote.Actor erin = mastodon.actor("erin");
        ObjectNode announce = followedBoostsThirdServersNote(dave, erin, "9", "<p>Flohmarkt im Rathaushof</p>");
        URI erinsNote = URI.create(announce.get("object").asText());
        assertEquals(1, node.count("SELECT count(*) FROM domain_event WHERE kind = 'post_created' AND subject = '" + erinsNote
                + "' AND actor = '" + erin.id() + "'"), "the kept post's creation is recorded, for timelines and search");
        var boost = new PostStore().find(node.node().services().db.dsl(), URI.create(announce.get("id").asText())).orElseThrow().post();
        assertEquals(PostKind.BOOST, boost.kind());
        assertEquals(Optional.of(erinsNote), boost.reblogOf());
        assertEquals(Optional.empty(), new PostStore().find(node.node().services().db.dsl(), erinsNote).orElseThrow().post().reblogOf());
    }

    /**
     * Musterstadt follows {@code booster}, who boosts a note of {@code author}'s, named by IRI (so fetched from its
     * origin). Returns the delivered Announce.
     */
    private static ObjectNode followedBoostsThirdServersNote(FakeRemote.Actor booster, FakeRemote.Actor author, String status, String html) {
        var follower = TestAccounts.of(node, municipality);
        var followee = TestAccounts.of(node, booster.id());
        node.node().services().db.dsl().transaction(cfg -> new FollowStore().upsert(cfg.dsl(), follower, followee,
                municipality + "#follows/" + status, FollowStore.State.ACCEPTED));
        ObjectNode note = mastodon.note(author, html);
        URI iri = URI.create(note.get("id").asText());
        mastodon.serve(iri.getRawPath(), note);
        ObjectNode announce = announce(booster, status, iri);
        deliver(announce);
        return announce;
    }

    private static ObjectNode announce(String status) {
        return announce(alice, status, note);
    }

    /** Mastodon's Announce: id .../statuses/N/activity, to Public, cc the municipality and the booster's followers. */
    private static ObjectNode announce(FakeRemote.Actor booster, String status, URI object) {
        ObjectNode a = mastodon.activity(booster, "Announce");
        a.put("id", booster.id() + "/statuses/" + status + "/activity");
        a.put("published", java.time.Instant.now().toString());
        a.putArray("to").add(PUBLIC);
        a.putArray("cc").add(municipality.toString()).add(booster.id() + "/followers");
        a.put("object", object.toString());
        return a;
    }

    /** Mastodon's Undo embeds the activity it takes back, without its @context. */
    private static ObjectNode undo(ObjectNode undone, String suffix) {
        ObjectNode embedded = undone.deepCopy();
        embedded.remove("@context");
        ObjectNode u = mastodon.activity(alice, "Undo");
        u.put("id", undone.get("id").asText() + suffix);
        u.set("object", embedded);
        return u;
    }

    private static String byAlice(String column) {
        return " JOIN account alice ON alice.id = " + column + " AND alice.iri = '" + alice.id() + "'";
    }

    private static String byMusterstadt(String column) {
        return " JOIN account m ON m.id = " + column + " JOIN actor ON actor.id = m.local_actor_id AND actor.handle = 'musterstadt'";
    }

    private static String onTheNote(String column) {
        return onPost(column, note);
    }

    private static String onPost(String column, URI iri) {
        return " JOIN post n ON n.id = " + column + " AND n.iri = '" + iri + "'";
    }

    /** Delivers as a sender does: again after a 429 (the node fetching the sender's key on a loaded machine). */
    private static void deliver(ObjectNode activity) {
        var r = mastodon.post(URI.create(node.url() + "/inbox"), activity).send();
        for (int attempt = 1; r.status() == 429 && attempt < 20; attempt++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            r = mastodon.post(URI.create(node.url() + "/inbox"), activity).send();
        }
        assertEquals(202, r.status(), r::toString);
        TestNode.awaitQuiet(node);
        assertEquals(0, node.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL"), "every activity applied");
    }
}
