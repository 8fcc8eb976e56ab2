package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.SignatureProbes.Variant;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.testkit.FakeRemote;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static de.allmende.federation.inbox.Probe.Expect.EITHER;
import static de.allmende.federation.inbox.Probe.Expect.FORGERY;
import static de.allmende.federation.inbox.SignatureProbes.ALL;
import static de.allmende.federation.inbox.SignatureProbes.CAVAGE;
import static de.allmende.federation.inbox.SignatureProbes.RFC9421;
import static de.allmende.federation.inbox.SignedPost.addLine;
import static de.allmende.federation.inbox.SignedPost.dropLine;
import static de.allmende.federation.inbox.SignedPost.mapLine;

/**
 * Who signed and when: key ids that name someone else, our own host, nobody, no URL, internal
 * addresses (issue 8, findings 3, 7, 8, 10); signatures by another actor's key (forgeries); signing
 * times outside the window (replays); and broken RFC 9421 structure.
 */
final class KeyMutations {
    /**
     * Off this machine: the test node allows private networks (its peers live on loopback), so it would
     * really connect there. They are blocked as domains for the suite, which the node checks before any
     * fetch; the SSRF guard itself is tested in SafeHttpClientSsrfTest.
     */
    static final List<String> OFF_BOX = List.of("169.254.169.254", "[fe80::1]", "[2002:7f00:1::]", "[64:ff9b::7f00:1]", "10.0.0.1",
            "192.168.0.1", "100.64.0.1", "[2001::1]", "metadata.google.internal");

    private final SignatureProbes probes;
    private final String node;
    private final URI control;

    /** {@code control}: the signers' server. */
    KeyMutations(SignatureProbes probes, URI control) {
        this.probes = probes;
        this.node = "http://" + probes.nodeHost();
        this.control = control;
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("signature/key-id", "findings 3, 7, 8, 10: key ids of others, of us, of nobody, no URL, internal addresses",
                        () -> probes.expand(keyIds(), 5, 500)),
                new Kind("signature/other-actor", "signed with another actor's key (forgeries)", () -> probes.expand(otherActor(), 14, 300)),
                new Kind("signature/time-window", "signing time outside the window (replays)", () -> probes.expand(window(), 10, 350)),
                new Kind("signature/rfc9421-structure", "Signature-Input and Signature broken", () -> probes.expand(structure(), 12, 450)));
    }

    private List<Variant> keyIds() {
        List<Variant> v = new ArrayList<>();
        List<String> foreign = new ArrayList<>(List.of(probes.other().keyId(), probes.victim().keyId(), probes.victim().ed25519KeyId(),
                node + "/actors/musterstadt#main-key", node + "/actor#main-key", node + "/actors/nobody#main-key",
                node.replace("127.0.0.1", "localhost") + "/actors/musterstadt#main-key", node + "/actors/musterstadt",
                control + "/users/nobody#main-key", control + "/users/" + "a".repeat(8000) + "#main-key",
                control + "/users/" + "a".repeat(15000) + "#main-key",
                "main-key", "", " ", "acct:alice@" + control.getRawAuthority(), "urn:uuid:00000000-0000-0000-0000-000000000000",
                "file:///etc/passwd", "javascript:alert(1)", "data:,x", "//" + control.getRawAuthority() + "/users/x#main-key", "http:/x",
                "http://", "ftp://127.0.0.1/key", "http://[::1", "%00", control + "/users/x\u0000#main-key", "http://ä.example/k",
                "http://127.0.0.1/users/x#main-key", "http://127.0.0.1:1/users/x#main-key", "http://[::1]/users/x#main-key",
                "http://[::1]:1/users/x#main-key", "http://0.0.0.0/users/x#main-key", "http://127.1/users/x#main-key",
                "http://2130706433/users/x#main-key", "http://[::ffff:127.0.0.1]/users/x#main-key", "http://localhost/users/x#main-key"));
        for (String host : OFF_BOX) foreign.add("http://" + host + "/users/x#main-key");
        for (String keyId : foreign) {
            String shown = keyId.length() > 60 ? keyId.substring(0, 60) + "…(" + keyId.length() + ")" : keyId;
            // RFC 9421 cannot even carry a key id outside printable ASCII (a structured-field string).
            boolean ascii = keyId.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
            v.add(new Variant("keyId " + shown, FORGERY, ascii ? ALL : CAVAGE, (p, b) -> probes.post(b, b.body(), b.key().named(keyId))));
        }
        // The actor's own key under other spellings: not a forgery if accepted, only unusual.
        String[][] spellings = {{"http://", "HTTP://"}, {"#main-key", "#Main-Key"}, {"#main-key", ""}, {"#main-key", "/#main-key"},
                {"#main-key", "?x=1#main-key"}, {"/users/", "/users/x/../"}, {"/users/", "/%75sers/"}, {"http://", "http://x@"}};
        for (String[] s : spellings) {
            v.add(new Variant("own keyId spelled " + s[1], EITHER, CAVAGE,
                    (p, b) -> probes.post(b, b.body(), b.key().named(b.key().keyId().replace(s[0], s[1])))));
        }
        v.add(new Variant("RSA signature under the actor's Ed25519 key id", EITHER, CAVAGE,
                (p, b) -> probes.post(b, b.body(), b.key().named(b.actor().ed25519KeyId()))));
        return v;
    }

    private List<Variant> otherActor() {
        FakeRemote.Actor other = probes.other();
        FakeRemote.Actor victim = probes.victim();
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("signed by another actor of the server", FORGERY, ALL,
                (p, b) -> probes.post(b, b.body(), SignedPost.keyFor(other, b.scheme()))));
        v.add(new Variant("own keyId, another actor's key", FORGERY, ALL,
                (p, b) -> probes.post(b, b.body(), SignedPost.keyFor(other, b.scheme()).named(b.key().keyId()))));
        v.add(new Variant("another actor's keyId, own key", FORGERY, ALL,
                (p, b) -> probes.post(b, b.body(), b.key().named(SignedPost.keyFor(other, b.scheme()).keyId()))));
        v.add(new Variant("a stranger's key under the own keyId", FORGERY, CAVAGE, (p, b) -> probes.post(b, b.body(), SignedPost.stranger(b.key().keyId()))));
        v.add(new Variant("an activity of another server's actor, signed by ours", FORGERY, ALL,
                (p, b) -> probes.post(b, RecordedProbes.bytes(probes.createNote(victim)), b.key())));
        v.add(new Variant("an activity of another server's actor, its keyId, our key", FORGERY, ALL,
                (p, b) -> probes.post(b, RecordedProbes.bytes(probes.createNote(victim)), b.key().named(SignedPost.keyFor(victim, b.scheme()).keyId()))));
        v.add(new Variant("an activity of our own municipality, signed by a remote", FORGERY, ALL,
                (p, b) -> probes.post(b, RecordedProbes.bytes(local(b)), b.key())));
        v.add(new Variant("an activity of our own municipality under its keyId", FORGERY, ALL,
                (p, b) -> probes.post(b, RecordedProbes.bytes(local(b)), b.key().named(node + "/actors/musterstadt#main-key"))));
        v.add(new Variant("a proof by another actor, signed by that actor", FORGERY, CAVAGE,
                (p, b) -> probes.post(b, proven(b.doc(), other), SignedPost.rsa(other))));
        v.add(new Variant("forwarded with the author's own proof", EITHER, CAVAGE,
                (p, b) -> probes.post(b, proven(probes.createNote(other), other), b.key())));
        v.add(new Variant("forwarded, proof by the forwarder", FORGERY, CAVAGE,
                (p, b) -> probes.post(b, proven(probes.createNote(other), b.actor()), b.key())));
        v.add(new Variant("cavage signed with the Ed25519 key", EITHER, CAVAGE,
                (p, b) -> probes.post(b, b.body(), SignedPost.ed25519(b.actor())).algorithm("hs2019")));
        return v;
    }

    /** The body's note, its actor replaced by our own municipality. */
    private ObjectNode local(SignatureProbes.Base b) {
        ObjectNode doc = b.doc().deepCopy();
        doc.put("actor", node + "/actors/musterstadt");
        ((ObjectNode) doc.get("object")).put("attributedTo", node + "/actors/musterstadt");
        return doc;
    }

    private static byte[] proven(ObjectNode doc, FakeRemote.Actor prover) {
        return RecordedProbes.bytes(DataIntegrityProof.sign(doc.deepCopy(), prover.ed25519KeyId(), prover.ed25519Keyset(), Instant.now()));
    }

    private static List<Variant> window() {
        List<Variant> v = new ArrayList<>();
        Object[][] times = {{"70 minutes old", Duration.ofMinutes(-70), FORGERY}, {"2 hours ahead", Duration.ofHours(2), FORGERY},
                {"a year old", Duration.ofDays(-365), FORGERY}, {"65 minutes old (inside the slack)", Duration.ofMinutes(-65), EITHER},
                {"59 minutes ahead (inside the slack)", Duration.ofMinutes(59), EITHER}, {"30 years ahead", Duration.ofDays(365L * 30), FORGERY}};
        for (Object[] t : times) {
            v.add(new Variant("signed " + t[0], (Probe.Expect) t[2], ALL, (p, b) -> p.created(Instant.now().plus((Duration) t[1]))));
        }
        v.add(new Variant("signed in 1970", FORGERY, ALL, (p, b) -> p.created(Instant.EPOCH)));
        for (String date : new String[]{"yesterday", "", "0", "Sun Nov  6 08:49:37 1994", "2024-01-01T00:00:00Z", "Fri, 31 Dec 9999 23:59:59 GMT",
                "Mon, 32 Jan 2024 00:00:00 GMT", "x".repeat(2000)}) {
            v.add(new Variant("Date \"" + (date.length() > 30 ? "x…" : date) + "\"", FORGERY, CAVAGE, (p, b) -> p.date(date)));
        }
        v.add(new Variant("Date not sent", FORGERY, CAVAGE, (p, b) -> p.lines(dropLine("Date"))));
        v.add(new Variant("a second, old Date", EITHER, CAVAGE, (p, b) -> p.lines(addLine("Date", "Sun, 06 Nov 1994 08:49:37 GMT"))));
        v.add(new Variant("hs2019 created 2 hours ahead", FORGERY, CAVAGE, (p, b) -> p.algorithm("hs2019").created(Instant.now().plusSeconds(7200))
                .covered(List.of("(request-target)", "(created)", "digest"))));
        v.add(new Variant("expires an hour and a minute ago", FORGERY, RFC9421,
                (p, b) -> p.rfcParams(x -> x.with("expires", Instant.now().minusSeconds(3660).getEpochSecond()))));
        v.add(new Variant("expires before created", FORGERY, RFC9421, (p, b) -> p.created(Instant.now().minusSeconds(4000))
                .rfcParams(x -> x.with("expires", Instant.now().minusSeconds(7200).getEpochSecond()))));
        v.add(new Variant("created 14 hours ago, expires in a year", FORGERY, RFC9421, (p, b) -> p.created(Instant.now().minusSeconds(14 * 3600))
                .rfcParams(x -> x.with("expires", Instant.now().plusSeconds(365L * 86400).getEpochSecond()))));
        v.add(new Variant("created dropped", FORGERY, RFC9421, (p, b) -> p.rfcParams(x -> SignatureMutations.without(x, "created"))));
        v.add(new Variant("created as a string", FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature-Input", s -> s.replaceFirst("created=(\\d+)", "created=\"$1\"")))));
        v.add(new Variant("created negative", FORGERY, RFC9421, (p, b) -> p.rfcParams(x -> x.with("created", -1L))));
        v.add(new Variant("created beyond year 3,000,000", FORGERY, RFC9421, (p, b) -> p.rfcParams(x -> x.with("created", 99_999_999_999_999L))));
        return v;
    }

    private static List<Variant> structure() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("Signature-Input without Signature", FORGERY, RFC9421, (p, b) -> p.lines(dropLine("Signature"))));
        v.add(new Variant("Signature without Signature-Input", FORGERY, RFC9421, (p, b) -> p.lines(dropLine("Signature-Input"))));
        v.add(new Variant("labels differ", FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> s.replaceFirst("^sig1=", "sig2=")))));
        v.add(new Variant("a broken signature listed first", EITHER, RFC9421, (p, b) -> p.lines(l -> l.stream().map(x ->
                x[0].equals("Signature-Input") ? new String[]{x[0], "sig0=(\"@method\");created=1;keyid=\"x\", " + x[1]}
                        : x[0].equals("Signature") ? new String[]{x[0], "sig0=:AAAA:, " + x[1]} : x).toList())));
        v.add(new Variant("garbage listed second", EITHER, RFC9421, (p, b) -> p.lines(l -> l.stream().map(x ->
                x[0].equals("Signature-Input") ? new String[]{x[0], x[1] + ", sig2=()"}
                        : x[0].equals("Signature") ? new String[]{x[0], x[1] + ", sig2=:AAAA:"} : x).toList())));
        v.add(new Variant("keyid dropped", FORGERY, RFC9421, (p, b) -> p.rfcParams(x -> SignatureMutations.without(x, "keyid"))));
        v.add(new Variant("keyid a token, not a string", FORGERY, RFC9421,
                (p, b) -> p.lines(mapLine("Signature-Input", s -> s.replaceFirst("keyid=\"[^\"]*\"", "keyid=abc")))));
        for (String input : new String[]{"sig1=", "sig1=(", "sig1=(\"@method\"", "sig1=(\"@method\" \"@target-uri\");created=abc", "sig1=(\"@method\";sf)",
                "sig1=()", "=()", "sig1=(@method)", "sig1=(\"@method\");keyid=\"unterminated", "sig1=" + "(\"a\" ".repeat(1000),
                "sig1=(\"@method\");keyid=\"ä\"", "sig1=(\"@method\"\u0000)", "sig1=(\"@method\");created=" + "9".repeat(40)}) {
            v.add(new Variant("Signature-Input " + (input.length() > 40 ? input.substring(0, 40) + "…" : input), FORGERY, RFC9421,
                    (p, b) -> p.lines(mapLine("Signature-Input", s -> input))));
        }
        v.add(new Variant("a valid cavage Signature and a broken Signature-Input", EITHER, CAVAGE,
                (p, b) -> p.lines(addLine("Signature-Input", "sig1=("))));
        v.add(new Variant("Signature-Input with a cavage-style Signature", FORGERY, RFC9421,
                (p, b) -> p.lines(mapLine("Signature", s -> "keyId=\"" + b.key().keyId() + "\",signature=\"" + s.substring(6, s.length() - 1) + "\""))));
        return v;
    }
}
