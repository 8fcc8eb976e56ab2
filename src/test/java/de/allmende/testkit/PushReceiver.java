package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push service and the user agent behind it, on loopback: it takes Web Push requests at {@link #endpoint}, answers
 * with a status the test sets, and reads what it got independently of the node's code: the VAPID token (RFC 8292) is
 * checked with the JDK's own ES256 verifier, the body (RFC 8291) is decrypted by http_ece, the reference
 * implementation, in Node.js ({@code src/test/interop/webpush}).
 */
public final class PushReceiver implements AutoCloseable {
    private static final Pattern VAPID = Pattern.compile("vapid t=([A-Za-z0-9_.-]+),\\s*k=([A-Za-z0-9_-]+)");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** One request the push service got: its path, headers (lower-case names) and body. */
    public record Received(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The VAPID header's token, verified: its claims and the public key {@code k} it was verified with. */
    public record Vapid(JsonNode claims, String publicKey) {}

    private final HttpServer server;
    private final KeyPair keys;
    private final byte[] auth = new byte[16];
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;

    private PushReceiver(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
        new SecureRandom().nextBytes(auth);
    }

    public static PushReceiver start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PushReceiver receiver = new PushReceiver(server, generator.generateKeyPair());
            server.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
                receiver.received.add(new Received(exchange.getRequestURI().getPath(), headers, exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(receiver.status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the push receiver", e);
        }
    }

    /** The push service's origin, the VAPID token's audience. */
    public String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** A subscription's endpoint at this push service. */
    public String endpoint(String name) {
        return origin() + "/push/" + name;
    }

    /** The user agent's public key as a subscription gives it (uncompressed point, base64url). */
    public String p256dh() {
        ECPoint w = ((ECPublicKey) keys.getPublic()).getW();
        byte[] point = new byte[65];
        point[0] = 4;
        fixed(w.getAffineX(), point, 1);
        fixed(w.getAffineY(), point, 33);
        return B64.encodeToString(point);
    }

    public String auth() {
        return B64.encodeToString(auth);
    }

    /** What the push service answers from now on. */
    public void answer(int status) {
        this.status = status;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits for the {@code n}-th request (counting from one) and returns it. */
    public Received await(int n) {
        TestNode.await(n + " push requests", Duration.ofSeconds(20), () -> received.size() >= n);
        return received.get(n - 1);
    }

    /** The body decrypted by http_ece: {@code plaintext}, {@code recordSize}, {@code senderKey}; or {@code error}. */
    public JsonNode decrypt(Received r) {
        byte[] scalar = new byte[32];
        fixed(((ECPrivateKey) keys.getPrivate()).getS(), scalar, 0);
        return NodeScripts.run("src/test/interop/webpush", "http_ece", Duration.ofSeconds(30), "decrypt.mjs",
                B64.encodeToString(r.body()), B64.encodeToString(scalar), auth());
    }

    /** The plaintext of a message as JSON (Mastodon's push payload). */
    public JsonNode payload(Received r) {
        JsonNode decrypted = decrypt(r);
        if (decrypted.has("error")) throw new AssertionError("http_ece cannot decrypt the push: " + decrypted);
        try {
            return GoldenJson.JSON.readTree(decrypted.path("plaintext").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code Authorization: vapid t=…, k=…} and verifies the token's ES256 signature with {@code k}. */
    public static Vapid vapid(Received r) {
        Matcher m = VAPID.matcher(String.valueOf(r.header("Authorization")));
        if (!m.matches()) throw new AssertionError("no VAPID authorization: " + r.header("Authorization"));
        String[] parts = m.group(1).split("\\.");
        if (parts.length != 3) throw new AssertionError("not a JWS: " + m.group(1));
        try {
            JsonNode header = GoldenJson.JSON.readTree(UNB64.decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText())) throw new AssertionError("not ES256: " + header);
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey(UNB64.decode(m.group(2))));
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(UNB64.decode(parts[2]))) throw new AssertionError("the VAPID token's signature does not verify with k");
            return new Vapid(GoldenJson.JSON.readTree(UNB64.decode(parts[1])), m.group(2));
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError("unreadable VAPID token: " + m.group(1), e);
        }
    }

    private static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) throw new AssertionError("k is no uncompressed P-256 point: " + Arrays.toString(point));
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256.getParameterSpec(ECParameterSpec.class)));
    }

    private static void fixed(BigInteger n, byte[] into, int offset) {
        byte[] raw = n.toByteArray();
        int skip = Math.max(0, raw.length - 32);
        System.arraycopy(raw, skip, into, offset + 32 - (raw.length - skip), raw.length - skip);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
