package de.allmende.federation;

import de.allmende.testkit.FollowerRows;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import de.allmende.crypto.Pem;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;
import de.allmende.testkit.FakeRemote;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signature schemes per host (issue 8, "outbound RFC 9421 first"): a follower that only takes RFC 9421 asks for
 * it with Accept-Signature and gets it, from then on at once; a host that signed to us with RFC 9421 gets RFC 9421
 * first; a host that refuses RFC 9421 gets draft-cavage on the second knock, and draft-cavage from then on.
 */
class Rfc9421FallbackTest {

    @Test
    void aHostThatSignedWithRfc9421GetsRfc9421AndOneThatRefusesItGetsCavage() throws Exception {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            FakeRemote.Actor alice = remote.actor("alice");
            URI musterstadt = node.actorIri("musterstadt");
            var follow = remote.post(URI.create(node.url() + "/inbox"), remote.follow(alice, musterstadt)).rfc9421Rsa().send();
            assertEquals(202, follow.status(), follow.body());
            TestNode.await("Accept sent", () -> remote.received().stream().anyMatch(r -> r.method().equals("POST")));
            var accept = remote.received().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
            assertTrue(accept.hasHeader("signature-input"), "the Accept was not signed with RFC 9421: " + accept.headers().keySet());

            // The same host now refuses RFC 9421: the next delivery knocks twice and learns draft-cavage.
            node.node().services().federation.schemesForTests().learnt(remote.base().getRawAuthority(),
                    de.allmende.federation.http.SignatureSchemes.Scheme.RFC9421);
            remote.refuseRfc9421(true);
            int before = remote.received().size();
            node.node().services().notes.publish(node.actor("musterstadt"), "<p>Hallo</p>");
            TestNode.await("delivered with draft-cavage", () -> node.count("SELECT count(*) FROM delivery WHERE last_status = 202") >= 2);
            var posts = remote.received().subList(before, remote.received().size()).stream().filter(r -> r.method().equals("POST")).toList();
            assertEquals(2, posts.size(), "two knocks");
            assertTrue(posts.get(0).hasHeader("signature-input"));
            assertTrue(!posts.get(1).hasHeader("signature-input"));
            assertEquals(de.allmende.federation.http.SignatureSchemes.Scheme.CAVAGE,
                    node.node().services().federation.schemesForTests().forHost(remote.base().getRawAuthority()));
        }
    }

    @Test
    void deliveryRetriesWithRfc9421WhenThePeerAsksForIt() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            JsonNode actorDoc = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());
            var publicKey = Pem.decodePublicKey(actorDoc.at("/publicKey/publicKeyPem").asText());
            List<String> outcomes = new CopyOnWriteArrayList<>();
            HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            inbox.createContext("/inbox", ex -> {
                byte[] body = ex.getRequestBody().readAllBytes();
                if (ex.getRequestHeaders().getFirst("Signature-Input") == null) {
                    outcomes.add("cavage refused");
                    ex.getResponseHeaders().add("Accept-Signature", "sig1=(\"@method\" \"@target-uri\" \"content-digest\");alg=\"rsa-v1_5-sha256\"");
                    ex.sendResponseHeaders(401, -1);
                } else {
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
                    URI target = URI.create("http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI());
                    var result = HttpSignatureVerifier.federation().verify(new SignedRequestParts("POST", target, headers, body),
                            (keyId, freshness) -> Optional.of(publicKey), Instant.now());
                    outcomes.add(result.isVerified() ? "rfc9421 verified" : "rfc9421 " + result.reason());
                    ex.sendResponseHeaders(result.isVerified() ? 202 : 401, -1);
                }
                ex.close();
            });
            inbox.start();
            try {
                String follower = "http://127.0.0.1:" + inbox.getAddress().getPort() + "/users/strict";
                node.count("WITH a AS (INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES ('" + follower + "', '127.0.0.1:"
                        + inbox.getAddress().getPort() + "', 'Person', 'http://127.0.0.1:" + inbox.getAddress().getPort()
                        + "/inbox', '{}') RETURNING 1) SELECT count(*) FROM a");
                node.execute(FollowerRows.acceptedFollows(FollowerRows.row(follower, node.actorIri("musterstadt").toString(), follower + "#f")));
                node.node().services().notes.publish(node.actor("musterstadt"), "<p>Hallo</p>");
                TestNode.await("delivered", () -> node.count("SELECT count(*) FROM delivery WHERE delivered IS NOT NULL") == 1);
                assertEquals(List.of("cavage refused", "rfc9421 verified"), outcomes);
                assertTrue(node.count("SELECT count(*) FROM delivery WHERE last_status = 202") == 1);

                // Remembered per host: the next post is signed with RFC 9421 at once.
                node.node().services().notes.publish(node.actor("musterstadt"), "<p>Noch einmal</p>");
                TestNode.await("delivered again", () -> node.count("SELECT count(*) FROM delivery WHERE delivered IS NOT NULL") == 2);
                assertEquals(List.of("cavage refused", "rfc9421 verified", "rfc9421 verified"), outcomes);
            } finally {
                inbox.stop(0);
            }
        }
    }
}
