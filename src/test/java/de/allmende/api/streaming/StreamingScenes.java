package de.allmende.api.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Steps the streaming tests share: a municipality follows a peer, the peer delivers posts. */
final class StreamingScenes {
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private StreamingScenes() {}

    /** {@code handle} follows {@code peer}, and the peer accepts. */
    static void follow(TestNode node, FakeRemote remote, FakeRemote.Actor peer, String handle) {
        URI follow = node.node().services().follows.follow(node.actor(handle), peer.id());
        ObjectNode accept = remote.activity(peer, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", node.actorIri(handle).toString()).put("object", peer.id().toString());
        deliver(node, remote, accept);
        TestNode.await("the follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") >= 1);
    }

    /** A note by {@code author} addressed as given, delivered and stored; its IRI. */
    static String post(TestNode node, FakeRemote remote, FakeRemote.Actor author, String html, List<String> to, List<String> cc) {
        ObjectNode note = remote.note(author, html);
        var t = note.putArray("to");
        to.forEach(t::add);
        var c = note.putArray("cc");
        cc.forEach(c::add);
        deliver(node, remote, remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the post " + iri + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return iri;
    }

    static void deliver(TestNode node, FakeRemote remote, ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    static JsonNode poll(BlockingQueue<JsonNode> q) {
        try {
            JsonNode n = q.poll(3, TimeUnit.SECONDS);
            if (n == null) throw new AssertionError("nothing arrived");
            return n;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
