package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.crypto.Pem;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.SignedRequestParts;

import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a {@link FakeRemote}'s inboxes received from a node, as a peer would take it: each POST's HTTP signature is
 * verified against the sending municipality's published key before its activity counts.
 */
public final class SignedDeliveries {
    private final FakeRemote remote;
    private final String actor;
    private final PublicKey key;

    private SignedDeliveries(FakeRemote remote, String actor, PublicKey key) {
        this.remote = remote;
        this.actor = actor;
        this.key = key;
    }

    /** Deliveries to {@code remote} signed by {@code handle} of {@code node} (its key as its actor document publishes it). */
    public static SignedDeliveries from(TestNode node, String handle, FakeRemote remote) {
        return at(node, "/actors/" + handle, remote);
    }

    /** Deliveries to {@code remote} signed by the node's instance actor ({@code /actor}), as reports are sent. */
    public static SignedDeliveries fromInstanceActor(TestNode node, FakeRemote remote) {
        return at(node, "/actor", remote);
    }

    private static SignedDeliveries at(TestNode node, String actorPath, FakeRemote remote) {
        JsonNode actor = json(node.get(actorPath, "application/activity+json").body());
        try {
            return new SignedDeliveries(remote, actor.path("id").asText(), Pem.decodePublicKey(actor.at("/publicKey/publicKeyPem").asText()));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("the actor document at " + actorPath + " publishes no usable key", e);
        }
    }

    /** Waits for an activity of this sender that {@code test} accepts in the inboxes, and checks that its signature holds. */
    public JsonNode await(String what, Predicate<JsonNode> test) {
        List<JsonNode> found = new ArrayList<>();
        TestNode.await(what + " arrives", () -> {
            found.clear();
            for (FakeRemote.Received r : remote.received()) {
                if (!r.method().equals("POST")) continue;
                JsonNode activity = json(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                if (activity.path("actor").asText().equals(actor) && test.test(activity)) {
                    verify(r, what);
                    found.add(activity);
                }
            }
            return !found.isEmpty();
        });
        return found.getLast();
    }

    /** An activity of this type whose object (an IRI, or an embedded activity's type) is {@code object}. */
    public JsonNode await(String type, String object) {
        return await(type + " of " + object, a -> a.path("type").asText().equals(type)
                && (a.path("object").asText().equals(object) || a.path("object").path("type").asText().equals(object)
                    || a.path("object").path("id").asText().equals(object)));
    }

    private static JsonNode json(String text) {
        try {
            return GoldenJson.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private void verify(FakeRemote.Received r, String what) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        URI target = URI.create("http://" + headers.get("host").getFirst() + r.path());
        var result = HttpSignatureVerifier.federation().verify(new SignedRequestParts("POST", target, headers, r.body()),
                (keyId, freshness) -> Optional.of(key), Instant.now());
        if (!result.isVerified()) throw new AssertionError(what + ": the signature does not hold: " + result);
    }
}
