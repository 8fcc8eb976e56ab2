package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.people.Role;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two municipalities on one node, each with a person logged in from a Mastodon app, and a Mastodon-shaped peer
 * whose actors post, follow and answer through the node's inbox: Musterstadt (open to followers) and Beispieldorf
 * (approves its followers). What the node sends the peer is read as {@link SignedDeliveries}.
 */
public final class AppScenario implements AutoCloseable {
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    public final TestNode node;
    public final FakeRemote remote;
    /** Musterstadt's app, with {@code read write follow}. */
    public final ClientApi app;
    /** Beispieldorf's app, with {@code read write follow}. */
    public final ClientApi dorf;
    public final SignedDeliveries fromMusterstadt;
    public final SignedDeliveries fromBeispieldorf;
    /** Actors of the peer. */
    public final FakeRemote.Actor anna;
    public final FakeRemote.Actor bernd;
    public final FakeRemote.Actor carla;
    private final MastodonApp registered;

    private AppScenario(TestNode node, FakeRemote remote) {
        this.node = node;
        this.remote = remote;
        node.create(Fixtures.musterstadt());
        node.create(new MunicipalityInput("beispieldorf", "Gemeinde Beispieldorf", null, null, null, null, null, null, null, true));
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "buergermeister", "beispieldorf", Role.ADMIN);
        this.registered = MastodonApp.register(node, "https://app.example/callback", "read write follow");
        this.app = new ClientApi(node, registered.login("kaemmerin", "read write follow"));
        this.dorf = new ClientApi(node, registered.login("buergermeister", "read write follow"));
        this.fromMusterstadt = SignedDeliveries.from(node, "musterstadt", remote);
        this.fromBeispieldorf = SignedDeliveries.from(node, "beispieldorf", remote);
        this.anna = remote.actor("anna");
        this.bernd = remote.actor("bernd");
        this.carla = remote.actor("carla");
    }

    public static AppScenario start() {
        TestNode node = TestNode.start();
        try {
            return new AppScenario(node, FakeRemote.start());
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }

    /** Musterstadt's person with a token of fewer scopes, from an app registered for them. */
    public ClientApi musterstadtWith(String scopes) {
        return new ClientApi(node, MastodonApp.register(node, "https://other.example/callback", scopes).login("kaemmerin", scopes));
    }

    /** The client API id of a remote actor, once the node knows it. */
    public String known(FakeRemote.Actor actor) {
        node.node().services().federation.directory.actor(actor.id());
        return app.entity("/api/v1/accounts/lookup?acct=" + actor.name() + "@" + actor.id().getRawAuthority(), "Account").path("id").asText();
    }

    /** Musterstadt's relationship with an account. */
    public JsonNode relationship(String id) {
        return app.list("/api/v1/accounts/relationships?id[]=" + id, "Relationship").get(0);
    }

    /** The actor accepts a Follow it received from the node. */
    public void accept(FakeRemote.Actor actor, JsonNode follow) {
        ObjectNode accept = remote.activity(actor, "Accept");
        accept.set("object", follow.deepCopy());
        deliver(accept);
    }

    /** A public note by the actor, delivered and stored; its IRI. */
    public String deliverNote(FakeRemote.Actor author, String html) {
        return deliverPost(author, List.of(PUBLIC), html);
    }

    /** A note addressed to {@code to}, delivered and stored; its IRI. */
    public String deliverPost(FakeRemote.Actor author, List<String> to, String html) {
        ObjectNode note = remote.note(author, html);
        var t = note.putArray("to");
        to.forEach(t::add);
        deliver(remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the post " + iri + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return iri;
    }

    /** The activity, signed by its actor, to the node's shared inbox (202). */
    public void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    /** The client API id of a post, by its IRI. */
    public String postId(String iri) {
        return Long.toString(node.count("SELECT id FROM post WHERE iri = '" + iri + "'"));
    }

    /** A note Musterstadt publishes; its client API id. */
    public String publish(String html) {
        return postId(node.node().services().notes.publish(node.actor("musterstadt"), html).toString());
    }

    public static List<String> ids(JsonNode list) {
        return each(list, e -> e.path("id").asText());
    }

    public static List<String> accts(JsonNode list) {
        return each(list, e -> e.path("acct").asText());
    }

    /** A 200 answer that is a list of strings (domain blocks). */
    public static List<String> strings(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        return each(ClientApi.json(r), JsonNode::asText);
    }

    private static List<String> each(JsonNode list, Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(f.apply(e)));
        return out;
    }

    @Override
    public void close() {
        remote.close();
        node.close();
    }
}
