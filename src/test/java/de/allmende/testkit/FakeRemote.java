package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.allmende.crypto.GeneratedKey;
import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyGenerator;
import de.allmende.crypto.Multikey;
import de.allmende.crypto.Pem;
import de.allmende.federation.signature.CavageSigner;
import de.allmende.federation.signature.Rfc9421Signer;
import de.allmende.federation.signature.SignatureAlgorithm;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.TinkSigners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fake remote ActivityPub server for hostile-input tests: a JDK {@link HttpServer} on 127.0.0.1
 * (random port) serving actor documents whose keys the test holds, plus a client that signs inbox
 * POSTs (draft-cavage or RFC 9421) with knobs to break them in controlled ways.
 *
 * <pre>{@code
 * try (FakeRemote remote = FakeRemote.start()) {
 *     FakeRemote.Actor alice = remote.actor("alice");
 *     var r = remote.post(node.sharedInbox(), remote.createNote(alice, "hi")).date(Instant.now().minus(2, HOURS)).send();
 * }
 * }</pre>
 *
 * <p>Every actor has an RSA key ({@code #main-key}, publicKeyPem) for HTTP signatures and an Ed25519
 * Multikey ({@code #ed25519-key}, assertionMethod) for RFC 9421 ed25519 and FEP-8b32 proofs. IRIs use
 * {@code http://<idHost>:<port>}; {@code idHost} is 127.0.0.1 unless the test asks for another spelling
 * of loopback (e.g. {@code localhost}, or {@code x@127.0.0.1} to probe userinfo handling).
 */
public final class FakeRemote implements AutoCloseable {
    public static final String ACTIVITY_JSON = "application/activity+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static volatile GeneratedKey strangerKey;

    /** How a POST is signed. */
    public enum Scheme { CAVAGE, RFC9421_RSA, RFC9421_ED25519, NONE }

    /** What the other side answered. */
    public record Response(int status, String body, Map<String, List<String>> headers) {
        /** The body as JSON, or null if it is none. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** The {@code error} field of a JSON error body, or null. */
        public String error() {
            JsonNode j = json();
            return j != null && j.path("error").isTextual() ? j.path("error").asText() : null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A request the fake server received. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        /** Header names compared without case. */
        public boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
        }
    }

    private final HttpServer server;
    private final String idAuthority;
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final Map<String, Served> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Served(int status, String contentType, byte[] body, String location) {}

    private FakeRemote(HttpServer server, String idHost) {
        this.server = server;
        this.idAuthority = idHost + ":" + server.getAddress().getPort();
    }

    /** A remote whose IRIs are on {@code http://127.0.0.1:<port>}. */
    public static FakeRemote start() {
        return start("127.0.0.1");
    }

    /** A remote listening on 127.0.0.1 whose IRIs use {@code idHost} (must reach 127.0.0.1). */
    public static FakeRemote start(String idHost) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeRemote remote = new FakeRemote(server, idHost);
            server.createContext("/", remote::handle);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return remote;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ server side

    /** {@code http://<idHost>:<port>}: the origin of this remote's IRIs. */
    public URI base() {
        return URI.create("http://" + idAuthority);
    }

    /** {@code http://127.0.0.1:<port>}: where it really listens. */
    public URI listenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The actor with this name, created (with fresh keys) on first use and served at {@code /users/<name>}. */
    public Actor actor(String name) {
        return actors.computeIfAbsent(name, Actor::new);
    }

    /** Serves NodeInfo 2.1 as an Allmende node does, listing these actors as its municipalities (what subscribing by node reads). */
    public void serveAllmendeNodeInfo(java.util.List<Actor> municipalities) {
        ObjectNode discovery = JSON.createObjectNode();
        discovery.putArray("links").addObject().put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1").put("href", base() + "/nodeinfo/2.1");
        serve("/.well-known/nodeinfo", discovery);
        ObjectNode info = JSON.createObjectNode().put("version", "2.1");
        info.putObject("software").put("name", "allmende").put("version", "test");
        var listed = info.putObject("metadata").putArray("municipalities");
        municipalities.forEach(m -> listed.addObject().put("actor", m.id().toString()));
        serve("/nodeinfo/2.1", info);
    }

    /** Serves a JSON document at {@code path}. */
    public void serve(String path, JsonNode doc) {
        documents.put(path, new Served(200, ACTIVITY_JSON, doc.toString().getBytes(StandardCharsets.UTF_8), null));
    }

    /** Answers GETs of {@code path} with a 302 to {@code location}. */
    public void redirect(String path, String location) {
        documents.put(path, new Served(302, "text/plain", new byte[0], location));
    }

    /** How many GETs reached {@code path} (query ignored). */
    public int fetches(String path) {
        AtomicInteger n = gets.get(path);
        return n == null ? 0 : n.get();
    }

    private volatile boolean refuseRfc9421;

    /** Inboxes answer 401 to RFC 9421 signatures (as servers that know only draft-cavage do). */
    public void refuseRfc9421(boolean refuse) {
        this.refuseRfc9421 = refuse;
    }

    private volatile java.time.Duration getDelay = java.time.Duration.ZERO;

    /** GETs are answered only after {@code delay}: a slow key server (within fetch deadlines, but slow). */
    public void answerGetsAfter(java.time.Duration delay) {
        this.getDelay = delay;
    }

    /** Requests this server received, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
            if (ex.getRequestMethod().equals("POST")) { // inboxes: accept anything (e.g. the node's Accept of a Follow)
                boolean rfc9421 = ex.getRequestHeaders().containsKey("Signature-Input");
                ex.sendResponseHeaders(rfc9421 && refuseRfc9421 ? 401 : 202, -1);
                return;
            }
            gets.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (!getDelay.isZero()) pause(getDelay);
            Served s = documents.get(path);
            if (s == null && (path.startsWith("/users/") || path.startsWith("/@"))) {
                // /@name: the profile page, which serves the actor to ActivityPub clients as Mastodon's does
                Actor a = actors.get(path.substring(path.startsWith("/@") ? 2 : "/users/".length()));
                if (a != null && a.published) {
                    s = new Served(200, ACTIVITY_JSON, a.document().toString().getBytes(StandardCharsets.UTF_8), null);
                }
            }
            if (s == null && path.equals("/.well-known/webfinger")) s = webfinger(ex.getRequestURI().getRawQuery());
            if (s == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", s.contentType());
            if (s.location() != null) ex.getResponseHeaders().set("Location", s.location());
            ex.sendResponseHeaders(s.status(), s.body().length == 0 ? -1 : s.body().length);
            if (s.body().length > 0) ex.getResponseBody().write(s.body());
        }
    }

    /** WebFinger (RFC 7033) for {@code acct:name@<idHost>:<port>} of a published actor. */
    private Served webfinger(String rawQuery) {
        String resource = rawQuery == null ? "" : java.net.URLDecoder.decode(rawQuery.replaceFirst("^.*resource=([^&]*).*$", "$1"),
                StandardCharsets.UTF_8);
        String suffix = "@" + idAuthority;
        if (!resource.startsWith("acct:") || !resource.endsWith(suffix)) return null;
        Actor a = actors.get(resource.substring("acct:".length(), resource.length() - suffix.length()));
        if (a == null || !a.published) return null;
        ObjectNode jrd = JSON.createObjectNode().put("subject", resource);
        jrd.putArray("links").addObject().put("rel", "self").put("type", ACTIVITY_JSON).put("href", a.id().toString());
        return new Served(200, "application/jrd+json", jrd.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ actors

    /** An actor of this remote; the test holds its private keys. */
    public final class Actor {
        private final String name;
        private final URI id;
        private volatile GeneratedKey rsa = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
        private volatile GeneratedKey ed25519 = KeyGenerator.generate(KeyAlgorithm.ED25519);
        private volatile boolean published = true;

        private Actor(String name) {
            this.name = name;
            this.id = URI.create(base() + "/users/" + name);
        }

        public String name() { return name; }
        public URI id() { return id; }
        public URI inbox() { return URI.create(id + "/inbox"); }
        public String keyId() { return id + "#main-key"; }
        public String ed25519KeyId() { return id + "#ed25519-key"; }
        public KeysetHandle rsaKeyset() { return rsa.keyset(); }
        public KeysetHandle ed25519Keyset() { return ed25519.keyset(); }

        /** Replaces the RSA key (same key id), as a server does when it rotates keys. */
        public void rotateKey() {
            rsa = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
        }

        /** Whether GET /users/name serves the document (false: 404, as for a deleted actor). */
        public void published(boolean published) {
            this.published = published;
        }

        /** The actor document as served now. */
        public ObjectNode document() {
            ObjectNode d = JSON.createObjectNode();
            d.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1")
                    .add("https://w3id.org/security/data-integrity/v1");
            d.put("id", id.toString());
            d.put("type", "Person");
            d.put("preferredUsername", name);
            d.put("name", "Fake " + name);
            d.put("inbox", inbox().toString());
            d.put("outbox", id + "/outbox");
            d.put("followers", id + "/followers");
            d.putObject("endpoints").put("sharedInbox", base() + "/inbox");
            ObjectNode pk = d.putObject("publicKey");
            pk.put("id", keyId());
            pk.put("owner", id.toString());
            pk.put("publicKeyPem", pem(rsa));
            ObjectNode mk = d.putArray("assertionMethod").addObject();
            mk.put("id", ed25519KeyId());
            mk.put("type", "Multikey");
            mk.put("controller", id.toString());
            mk.put("publicKeyMultibase", Multikey.encodeEd25519PublicKey(ed25519.publicKey()));
            return d;
        }

        PublicKeySign rsaSigner() {
            return FakeRemote.rsaSigner(rsa.keyset());
        }

        PublicKeySign ed25519Signer() {
            try {
                return TinkSigners.ed25519(ed25519.keyset());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** An RSA key no actor publishes (for "signed with the wrong key"). */
    public static KeysetHandle strangerRsaKey() {
        if (strangerKey == null) {
            synchronized (FakeRemote.class) {
                if (strangerKey == null) strangerKey = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
            }
        }
        return strangerKey.keyset();
    }

    private static String pem(GeneratedKey rsa) {
        try {
            return Pem.encodePublicKey(Pem.decodeSpki(rsa.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Peers sign as the node does: natively where AWS-LC loads (three times faster; signing requests was a fifth of
     * the federation tests' CPU), else with Tink. Both give the same bytes (PKCS#1 v1.5 is deterministic).
     */
    public static PublicKeySign rsaSigner(KeysetHandle keyset) {
        try {
            var nativeSigner = de.allmende.crypto.NativeRsaSigner.of(keyset);
            return nativeSigner.isPresent() ? nativeSigner.get() : TinkSigners.rsaSha256(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ activities

    /** A fresh IRI on this remote, e.g. {@code http://127.0.0.1:4711/notes/<uuid>}. */
    public URI newId(String kind) {
        return URI.create(base() + "/" + kind + "/" + UUID.randomUUID());
    }

    /** A public Note by {@code author}, id on this remote. */
    public ObjectNode note(Actor author, String content) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", newId("notes").toString());
        n.put("type", "Note");
        n.put("attributedTo", author.id().toString());
        n.put("content", content);
        n.put("published", Instant.now().toString());
        n.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        n.putArray("cc").add(author.id() + "/followers");
        return n;
    }

    /** Create(object) by {@code actor}. */
    public ObjectNode create(Actor actor, ObjectNode object) {
        ObjectNode a = activity(actor, "Create");
        a.set("to", object.path("to").deepCopy());
        a.set("cc", object.path("cc").deepCopy());
        a.set("object", object);
        return a;
    }

    /** Create(Note) by {@code actor}. */
    public ObjectNode createNote(Actor actor, String content) {
        return create(actor, note(actor, content));
    }

    public ObjectNode follow(Actor actor, URI target) {
        ObjectNode a = activity(actor, "Follow");
        a.put("object", target.toString());
        return a;
    }

    public ObjectNode like(Actor actor, URI object) {
        ObjectNode a = activity(actor, "Like");
        a.put("object", object.toString());
        return a;
    }

    /** A bare activity with @context, id on this remote, type and actor. */
    public ObjectNode activity(Actor actor, String type) {
        ObjectNode a = JSON.createObjectNode();
        a.put("@context", "https://www.w3.org/ns/activitystreams");
        a.put("id", newId("activities").toString());
        a.put("type", type);
        a.put("actor", actor.id().toString());
        return a;
    }

    // ------------------------------------------------------------------ client side

    /** A POST of {@code activity} to {@code inbox}, signed by the activity's actor unless told otherwise. */
    public SignedPost post(URI inbox, ObjectNode activity) {
        return new SignedPost(inbox, activity.toString().getBytes(StandardCharsets.UTF_8),
                actors.values().stream().filter(a -> a.id().toString().equals(activity.path("actor").asText())).findFirst().orElse(null));
    }

    /** A POST of raw bytes (need not be JSON); give the signer with {@link SignedPost#by}. */
    public SignedPost post(URI inbox, byte[] body) {
        return new SignedPost(inbox, body, null);
    }

    /** A GET signed (draft-cavage) by {@code signer}, or unsigned when it is null. */
    public Response get(URI target, String accept, Actor signer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET();
        if (accept != null) b.header("Accept", accept);
        if (signer != null) {
            Map<String, List<String>> headers = accept == null ? Map.of() : Map.of("Accept", List.of(accept));
            try {
                CavageSigner.sign(SignedRequestParts.withoutBody("GET", target, headers), signer.keyId(), signer.rsaSigner(), Instant.now())
                        .forEach((k, v) -> { if (!k.equalsIgnoreCase("host")) b.setHeader(k, v); });
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return send(b.build());
    }

    /** An inbox POST being prepared; every knob breaks one thing and leaves the rest valid. */
    public final class SignedPost {
        private final URI inbox;
        private final byte[] body;
        private Actor signer;
        private Scheme scheme = Scheme.CAVAGE;
        private Instant date;
        private UnaryOperator<byte[]> tamper;
        private KeysetHandle signingKey;
        private String contentType = ACTIVITY_JSON;
        private String keyId;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private final List<String> removeHeaders = new ArrayList<>();

        private SignedPost(URI inbox, byte[] body, Actor signer) {
            this.inbox = inbox;
            this.body = body;
            this.signer = signer;
        }

        /** Signs as this actor (default: the activity's actor, if it lives here). */
        public SignedPost by(Actor actor) { this.signer = actor; return this; }
        public SignedPost scheme(Scheme s) { this.scheme = s; return this; }
        /** Signs with draft-cavage (rsa-sha256, the default). */
        public SignedPost cavage() { return scheme(Scheme.CAVAGE); }
        /** Signs with RFC 9421, rsa-v1_5-sha256 over the RSA key. */
        public SignedPost rfc9421Rsa() { return scheme(Scheme.RFC9421_RSA); }
        /** Signs with RFC 9421, ed25519 over the Multikey. */
        public SignedPost rfc9421Ed25519() { return scheme(Scheme.RFC9421_ED25519); }
        /** Sends no signature at all. */
        public SignedPost unsigned() { return scheme(Scheme.NONE); }
        /** The signing time (Date header / created); default now. */
        public SignedPost date(Instant when) { this.date = when; return this; }
        /** Changes the body after signing (digest no longer matches). */
        public SignedPost tamperBody(UnaryOperator<byte[]> change) { this.tamper = change; return this; }
        /** Signs with this RSA keyset instead of the signer's published key (the key id stays). */
        public SignedPost signWith(KeysetHandle rsaKeyset) { this.signingKey = rsaKeyset; return this; }
        /** Content-Type sent (and signed); null sends none. */
        public SignedPost contentType(String type) { this.contentType = type; return this; }
        /** Names this key id in the signature instead of the signer's. */
        public SignedPost keyId(String id) { this.keyId = id; return this; }
        /** Sets a header after signing (e.g. a garbled Signature). */
        public SignedPost header(String name, String value) { extraHeaders.put(name, value); return this; }
        /** Drops a header after signing. */
        public SignedPost without(String name) { removeHeaders.add(name.toLowerCase()); return this; }

        /**
         * Sends as a real server does: a 429 while the node fetches our key (its answer to a key server slower
         * than 0.7 s, which a loaded test machine can be) is retried shortly, signed anew, for up to 5 s.
         */
        public Response send() {
            Response r = sendOnce();
            for (int i = 0; i < 25 && r.status() == 429 && r.body().contains("being fetched"); i++) {
                pause(Duration.ofMillis(200));
                r = sendOnce();
            }
            return r;
        }

        /** One attempt, whatever the answer. */
        public Response sendOnce() {
            return FakeRemote.send(prepare());
        }

        /** The signed request, to send later (load tests sign before the clock starts). */
        public HttpRequest prepare() {
            Instant at = date == null ? Instant.now() : date;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (contentType != null) headers.put("Content-Type", List.of(contentType));
            SignedRequestParts parts = new SignedRequestParts("POST", inbox, headers, body);
            Map<String, String> sig = new LinkedHashMap<>();
            if (scheme != Scheme.NONE) {
                Actor s = Objects.requireNonNull(signer, "no signer: the activity's actor is not on this remote; use by(actor)");
                try {
                    sig.putAll(switch (scheme) {
                        case CAVAGE -> CavageSigner.sign(parts, keyId != null ? keyId : s.keyId(),
                                signingKey != null ? rsaSigner(signingKey) : s.rsaSigner(), at);
                        case RFC9421_RSA -> Rfc9421Signer.sign(parts, keyId != null ? keyId : s.keyId(), SignatureAlgorithm.RSA_V1_5_SHA256,
                                signingKey != null ? rsaSigner(signingKey) : s.rsaSigner(), at);
                        case RFC9421_ED25519 -> Rfc9421Signer.sign(parts, keyId != null ? keyId : s.ed25519KeyId(), SignatureAlgorithm.ED25519,
                                s.ed25519Signer(), at);
                        case NONE -> Map.of();
                    });
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            byte[] sent = tamper == null ? body : tamper.apply(body.clone());
            HttpRequest.Builder b = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sent));
            Map<String, String> all = new LinkedHashMap<>();
            if (contentType != null) all.put("Content-Type", contentType);
            all.putAll(sig);
            all.putAll(extraHeaders);
            all.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("host") && !removeHeaders.contains(k.toLowerCase())) b.setHeader(k, v);
            });
            return b.build();
        }
    }

    /** Sends a request made by {@link SignedPost#prepare()}. */
    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An empty JSON array node, for tests that build odd bodies. */
    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
