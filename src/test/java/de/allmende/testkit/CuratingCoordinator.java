package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.federation.json.Json;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scene of the curation tests (issue 11, point 9): Musterstadt (node A) published a project and a lesson; the
 * coordinator Netzwerk Bayern on its own node aggregates both (backfilled and indexed), and a Mastodon-like server's
 * "fan" follows the coordinator.
 */
public final class CuratingCoordinator implements AutoCloseable {
    public static final String HANDLE = "netzwerk-bayern";
    private static final String ACTIVITY_JSON = "application/activity+json";

    public final TestNode coordinatorNode;
    public final TestNode a;
    public final FakeRemote mastodon;
    public final URI coordinator;
    public final URI project;
    public final URI lesson;
    public final UUID lessonId;

    private CuratingCoordinator(TestNode coordinatorNode, TestNode a, FakeRemote mastodon) {
        this.coordinatorNode = coordinatorNode;
        this.a = a;
        this.mastodon = mastodon;
        a.create(Fixtures.musterstadt());
        var content = a.node().services().content;
        project = content.create(a.actor("musterstadt"), ContentKind.PROJECT, ContentFixtures.offenerHaushalt()).iri();
        var lessonContent = content.create(a.actor("musterstadt"), ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(project));
        lesson = lessonContent.iri();
        lessonId = lessonContent.id().orElseThrow();
        assertEquals(0, cli("coordinator", "create", "--handle", HANDLE, "--name", "Netzwerk Bayern", "--land", "Bayern").exitCode());
        coordinator = coordinatorNode.actorIri(HANDLE);
        var r = cli("coordinator", "subscribe", "--coordinator", HANDLE, "--handle", "@musterstadt@" + a.publicUrl().getRawAuthority());
        assertEquals(0, r.exitCode(), r.stderr());
        TestNode.await("backfilled and indexed", () -> coordinatorNode.count("SELECT count(*) FROM search_document d JOIN post p"
                + " ON p.id = d.post_id WHERE p.iri IN ('" + project + "', '" + lesson + "')") == 2);
        var follow = mastodon.post(URI.create(coordinatorNode.url() + "/inbox"), mastodon.follow(mastodon.actor("fan"), coordinator)).send();
        assertEquals(202, follow.status(), follow.body());
        TestNode.await("the follower was accepted", () -> !received("Accept").isEmpty());
    }

    public static CuratingCoordinator start() {
        TestNode coordinatorNode = TestNode.start(), a = TestNode.start();
        FakeRemote mastodon = FakeRemote.start();
        try {
            return new CuratingCoordinator(coordinatorNode, a, mastodon);
        } catch (RuntimeException | AssertionError e) {
            coordinatorNode.close();
            a.close();
            mastodon.close();
            throw e;
        }
    }

    public NodeProcess.Result cli(String... args) {
        return InProcessCli.run(coordinatorNode.cliEnvironment(), args);
    }

    /** The items of the coordinator's {@code featured} collection, as a Mastodon server reads them. */
    public List<String> featured() {
        try {
            JsonNode page = Json.MAPPER.readTree(coordinatorNode.get("/actors/" + HANDLE + "/featured?page=true", ACTIVITY_JSON).body());
            return StreamSupport.stream(page.get("orderedItems").spliterator(), false).map(JsonNode::asText).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The activities of the given type the follower's server received from the coordinator. */
    public List<JsonNode> received(String type) {
        return mastodon.received().stream().filter(r -> r.method().equals("POST")).map(r -> {
            try {
                return Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(d -> d.path("type").asText().equals(type) && d.path("actor").asText().equals(coordinator.toString())).toList();
    }

    /** Boosts of the coordinator that the author's node counts. */
    public long boostsAtOrigin() {
        return a.count("SELECT count(*) FROM reaction WHERE kind = 'announce' AND activity_iri LIKE '" + coordinatorNode.url() + "/%'");
    }

    @Override
    public void close() {
        coordinatorNode.close();
        a.close();
        mastodon.close();
    }
}
