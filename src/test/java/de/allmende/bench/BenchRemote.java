package de.allmende.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.sun.net.httpserver.HttpServer;
import de.allmende.crypto.GeneratedKey;
import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyGenerator;
import de.allmende.crypto.PublicKeys;
import de.allmende.federation.signature.CavageSigner;
import de.allmende.federation.signature.TinkSigners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote actor for benchmarks: serves its actor document on loopback, signs inbox POSTs as that
 * actor (draft-cavage, RSA-2048, exactly as Mastodon does) and counts what its own inboxes receive.
 */
final class BenchRemote implements AutoCloseable {
    final HttpServer server;
    final URI actor;
    final AtomicInteger received = new AtomicInteger();
    /** POSTs to the /users/u{i}/inbox follower inboxes, by activity type. */
    final java.util.Map<String, AtomicInteger> followerInbox = new java.util.concurrent.ConcurrentHashMap<>();
    private final PublicKeySign signer;
    private final String keyId;
    private final String pemJson;

    BenchRemote() {
        try {
            GeneratedKey key = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
            KeysetHandle keyset = key.keyset();
            this.signer = TinkSigners.rsaSha256(keyset);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            actor = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actor");
            keyId = actor + "#main-key";
            pemJson = de.allmende.federation.json.Json.MAPPER.writeValueAsString(PublicKeys.pem(key.publicKey()));
            String doc = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
                    + "\"id\":\"" + actor + "\",\"type\":\"Person\",\"preferredUsername\":\"bench\",\"inbox\":\"" + actor + "/inbox\","
                    + "\"publicKey\":{\"id\":\"" + keyId + "\",\"owner\":\"" + actor + "\",\"publicKeyPem\":"
                    + de.allmende.federation.json.Json.MAPPER.writeValueAsString(PublicKeys.pem(key.publicKey())) + "}}";
            server.createContext("/actor", ex -> {
                if (ex.getRequestMethod().equals("POST")) {
                    ex.getRequestBody().readAllBytes();
                    received.incrementAndGet();
                    ex.sendResponseHeaders(202, -1);
                } else {
                    byte[] b = doc.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/activity+json");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                }
                ex.close();
            });
            server.createContext("/users/", ex -> {
                String path = ex.getRequestURI().getPath();
                if (ex.getRequestMethod().equals("POST")) {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String type = de.allmende.federation.json.Json.MAPPER.readTree(body).path("type").asText();
                    followerInbox.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                    ex.sendResponseHeaders(202, -1);
                } else {
                    byte[] b = followerDoc(path.substring("/users/".length())).getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/activity+json");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                }
                ex.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Follower actor u{i}: its own inbox (no shared inbox), the same key as the main actor. */
    URI follower(int i) {
        return URI.create(actor.toString().replace("/actor", "/users/u" + i));
    }

    private String followerDoc(String name) {
        String id = actor.toString().replace("/actor", "/users/" + name);
        return "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],\"id\":\"" + id
                + "\",\"type\":\"Person\",\"preferredUsername\":\"" + name + "\",\"inbox\":\"" + id + "/inbox\","
                + "\"publicKey\":{\"id\":\"" + id + "#main-key\",\"owner\":\"" + id + "\",\"publicKeyPem\":" + pemJson + "}}";
    }

    /** A signed Follow from follower u{i} of {@code target}, to {@code inbox}. */
    HttpRequest signedFollow(int i, URI target, URI inbox) {
        URI f = follower(i);
        String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + f + "/follows/" + System.nanoTime()
                + "\",\"type\":\"Follow\",\"actor\":\"" + f + "\",\"object\":\"" + target + "\"}";
        return signed(inbox, body, f + "#main-key");
    }

    /** A Create(Note) from this actor with fresh ids. */
    String createNote(int n) {
        String base = actor.toString().replace("/actor", "");
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + base + "/activities/" + n + "-" + System.nanoTime()
                + "\",\"type\":\"Create\",\"actor\":\"" + actor + "\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
                + "\"object\":{\"id\":\"" + base + "/notes/" + n + "-" + System.nanoTime() + "\",\"type\":\"Note\",\"attributedTo\":\""
                + actor + "\",\"content\":\"<p>Benchmark note " + n + "</p>\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]}}";
    }

    /** A signed POST of {@code body} to {@code inbox}, ready to send. */
    HttpRequest signedPost(URI inbox, String body) {
        return signed(inbox, body, keyId);
    }

    /** The same signed POST as raw HTTP/1.1 bytes, for {@link WrkReplay}. */
    byte[] rawSignedPost(URI inbox, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/activity+json"));
        headers.putAll(signatureHeaders(inbox, bytes, keyId)); // Host, Date, Digest, Signature
        return WrkReplay.rawPost(inbox, headers, bytes);
    }

    private HttpRequest signed(URI inbox, String body, String keyId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/activity+json");
        signatureHeaders(inbox, bytes, keyId).forEach((k, v) -> { if (!k.equalsIgnoreCase("host")) b.header(k, v); });
        return b.build();
    }

    private Map<String, String> signatureHeaders(URI inbox, byte[] body, String keyId) {
        try {
            return CavageSigner.sign("POST", inbox, Map.of("Content-Type", List.of("application/activity+json")), body, keyId, signer,
                    Instant.now());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
