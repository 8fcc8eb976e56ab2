package de.allmende.bench;

import com.google.crypto.tink.PublicKeySign;
import de.allmende.federation.signature.Rfc9421Signer;
import de.allmende.federation.signature.SignatureAlgorithm;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.TinkSigners;
import de.allmende.testkit.FakeRemote;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the soak sends: new Create(Note) activities from a handful of remote actors, each signed when it
 * is sent (RFC 9421, Ed25519), and now and then a read of a municipality's public documents.
 */
final class SoakTraffic {
    /** One request, ready to send; {@code write} requests must get 202, reads 200. */
    record Planned(String method, String path, Map<String, String> headers, byte[] body, boolean write) {}

    private record Signer(FakeRemote.Actor actor, PublicKeySign key) {}

    private static final String[] WORDS = ("Gemeinderat Haushalt Bürgerbeteiligung Radweg Kita Sanierung Ortsmitte Bebauungsplan "
            + "Wasserversorgung Feuerwehr Sportplatz Bücherei Breitband Friedhof Bauhof Kläranlage Schule Spielplatz").split(" ");

    private final FakeRemote remote;
    private final URI inbox;
    private final List<Signer> signers;
    private final List<Planned> reads;

    /**
     * @param node   the node's base URL, whose shared inbox receives the activities
     * @param handle a municipality on the node, whose documents are read
     */
    SoakTraffic(FakeRemote remote, int actors, URI node, String handle) {
        this.remote = remote;
        this.inbox = node.resolve("/inbox");
        this.signers = java.util.stream.IntStream.range(0, actors).mapToObj(i -> remote.actor("soak" + i))
                .map(a -> new Signer(a, ed25519(a))).toList();
        String json = "application/activity+json";
        this.reads = List.of(
                get("/actors/" + handle, json),
                get("/.well-known/webfinger?resource=acct:" + handle + "@" + node.getAuthority(), "application/jrd+json"),
                get("/@" + handle, "text/html"),
                get("/actors/" + handle + "/outbox", json));
    }

    private static Planned get(String path, String accept) {
        return new Planned("GET", path, Map.of("Accept", accept), new byte[0], false);
    }

    private static PublicKeySign ed25519(FakeRemote.Actor actor) {
        try {
            return TinkSigners.ed25519(actor.ed25519Keyset());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The n-th read, in turn: actor JSON, WebFinger, HTML profile, outbox. */
    Planned read(long n) {
        return reads.get((int) (n % reads.size()));
    }

    /** A new Create(Note) by the next actor in turn, signed now. */
    Planned write(long n) {
        Signer s = signers.get((int) (n % signers.size()));
        String text = "<p>Soak " + n + ": " + WORDS[(int) (n % WORDS.length)] + " – Sitzung am " + (1 + n % 28)
                + ". des Monats, Unterlagen im Ratsinformationssystem.</p>";
        byte[] body = remote.createNote(s.actor(), text).toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", FakeRemote.ACTIVITY_JSON);
        SignedRequestParts parts = new SignedRequestParts("POST", inbox, Map.of("Content-Type", List.of(FakeRemote.ACTIVITY_JSON)), body);
        try {
            headers.putAll(Rfc9421Signer.sign(parts, s.actor().ed25519KeyId(), SignatureAlgorithm.ED25519, s.key(), Instant.now()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new Planned("POST", inbox.getRawPath(), headers, body, true);
    }
}
