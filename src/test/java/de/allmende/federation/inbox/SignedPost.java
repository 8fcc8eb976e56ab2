package de.allmende.federation.inbox;

import com.google.crypto.tink.PublicKeySign;
import de.allmende.federation.signature.ContentDigest;
import de.allmende.federation.signature.DigestHeader;
import de.allmende.federation.signature.Rfc9421Signer;
import de.allmende.federation.signature.SignatureAlgorithm;
import de.allmende.federation.signature.SignatureParams;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.TinkSigners;
import de.allmende.testkit.FakeRemote;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An inbox POST signed as a peer signs it — draft-cavage (rsa-sha256, hs2019) or RFC 9421
 * (rsa-v1_5-sha256, ed25519) — with knobs that bend one part at a time. The cavage signing string is
 * built here from the header lines as sent, not by the node's code, so the suite does not share its mistakes.
 */
final class SignedPost {
    enum Scheme { CAVAGE, RFC9421_RSA, RFC9421_ED25519 }

    /** A key id and a private key that signs under it (they need not belong together: that is a forgery). */
    record Key(String keyId, PublicKeySign signer) {
        Key named(String otherKeyId) {
            return new Key(otherKeyId, signer);
        }
    }

    /** One parameter of a cavage Signature header; numbers go unquoted. */
    record Param(String name, String value, boolean quoted) {
        static Param of(String name, String value) {
            return new Param(name, value, true);
        }

        String render() {
            return name + "=" + (quoted ? "\"" + value + "\"" : value);
        }
    }

    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final Map<Object, PublicKeySign> SIGNERS = new ConcurrentHashMap<>();

    private final String host;
    private final String target;
    private final byte[] body;
    private final Key key;
    private Scheme scheme = Scheme.CAVAGE;
    private byte[] sent;
    private String contentType = FakeRemote.ACTIVITY_JSON;
    private Instant created;
    private String date;
    private String digest;
    private List<String> covered;
    private String algorithm = "rsa-sha256";
    private UnaryOperator<List<Param>> params = p -> p;
    private UnaryOperator<SignatureParams> rfcParams = p -> p;
    private UnaryOperator<List<String[]>> lines = l -> l;
    private final List<String[]> signedExtra = new ArrayList<>();

    private SignedPost(String host, String target, byte[] body, Key key) {
        this.host = host;
        this.target = target;
        this.body = body;
        this.key = key;
    }

    /** A POST of {@code body} to {@code target}, sent with {@code Host: host} and signed with {@code key}. */
    static SignedPost of(String host, String target, byte[] body, Key key) {
        return new SignedPost(host, target, body, key);
    }

    static Key rsa(FakeRemote.Actor a) {
        return new Key(a.keyId(), SIGNERS.computeIfAbsent(a.rsaKeyset(), k -> FakeRemote.rsaSigner(a.rsaKeyset())));
    }

    static Key ed25519(FakeRemote.Actor a) {
        return new Key(a.ed25519KeyId(), SIGNERS.computeIfAbsent(a.ed25519Keyset(), k -> signer(() -> TinkSigners.ed25519(a.ed25519Keyset()))));
    }

    /** An RSA key no actor publishes, under {@code keyId}. */
    static Key stranger(String keyId) {
        return new Key(keyId, SIGNERS.computeIfAbsent("stranger", k -> FakeRemote.rsaSigner(FakeRemote.strangerRsaKey())));
    }

    /** The key a scheme signs with by default. */
    static Key keyFor(FakeRemote.Actor a, Scheme s) {
        return s == Scheme.RFC9421_ED25519 ? ed25519(a) : rsa(a);
    }

    SignedPost scheme(Scheme s) { this.scheme = s; return this; }
    /** Content-Type sent and signed; null sends none. */
    SignedPost contentType(String type) { this.contentType = type; return this; }
    /** Signing time (Date header, created). */
    SignedPost created(Instant at) { this.created = at; return this; }
    /** The Date header as sent and signed, instead of one made from the signing time. */
    SignedPost date(String value) { this.date = value; return this; }
    /** The Digest or Content-Digest header as sent and signed, instead of the body's. */
    SignedPost digest(String value) { this.digest = value; return this; }
    /** Covered headers (cavage) or components (RFC 9421) instead of the defaults. */
    SignedPost covered(List<String> names) { this.covered = names; return this; }
    /** The cavage algorithm parameter; null leaves it out. */
    SignedPost algorithm(String name) { this.algorithm = name; return this; }
    /** Edits the cavage Signature parameters after signing. */
    SignedPost params(UnaryOperator<List<Param>> edit) { this.params = edit; return this; }
    /** Edits the RFC 9421 signature parameters before signing. */
    SignedPost rfcParams(UnaryOperator<SignatureParams> edit) { this.rfcParams = edit; return this; }
    /** Edits the header lines after signing (name, value pairs in wire order). */
    SignedPost lines(UnaryOperator<List<String[]>> edit) { this.lines = edit; return this; }
    /** A header that is signed (and sent, unless {@link #lines} drops it). */
    SignedPost signedHeader(String name, String value) { signedExtra.add(new String[]{name, value}); return this; }
    /** Sends this body instead of the signed one. */
    SignedPost sendBody(byte[] other) { this.sent = other; return this; }

    Wire.Request build() {
        Instant at = created != null ? created : Instant.now();
        List<String[]> h = new ArrayList<>();
        h.add(new String[]{"Host", host});
        h.add(new String[]{"Date", date != null ? date : HTTP_DATE.format(at)});
        if (contentType != null) h.add(new String[]{"Content-Type", contentType});
        h.addAll(signedExtra);
        if (scheme == Scheme.CAVAGE) signCavage(h, at);
        else signRfc9421(h, at);
        return Wire.request("POST", target).headers(lines.apply(h)).body(sent != null ? sent : body).build();
    }

    private void signCavage(List<String[]> h, Instant at) {
        h.add(new String[]{"Digest", digest != null ? digest : DigestHeader.sha256(body)});
        List<String> names = covered != null ? covered : defaultCovered();
        String signingString = names.stream().map(n -> n.toLowerCase(Locale.ROOT) + ": " + value(h, n.toLowerCase(Locale.ROOT), at))
                .collect(Collectors.joining("\n"));
        List<Param> p = new ArrayList<>();
        p.add(Param.of("keyId", key.keyId()));
        if (algorithm != null) p.add(Param.of("algorithm", algorithm));
        if (names.contains("(created)")) p.add(new Param("created", String.valueOf(at.getEpochSecond()), false));
        p.add(Param.of("headers", String.join(" ", names)));
        p.add(Param.of("signature", Base64.getEncoder().encodeToString(sign(signingString.getBytes(StandardCharsets.ISO_8859_1)))));
        h.add(new String[]{"Signature", params.apply(p).stream().map(Param::render).collect(Collectors.joining(","))});
    }

    private List<String> defaultCovered() {
        List<String> names = new ArrayList<>(List.of("(request-target)", "host", "date", "digest"));
        if (contentType != null) names.add("content-type");
        return names;
    }

    private String value(List<String[]> h, String name, Instant at) {
        return switch (name) {
            case "(request-target)" -> "post " + target;
            case "(created)" -> String.valueOf(at.getEpochSecond());
            default -> Wire.values(h, name).stream().map(String::strip).collect(Collectors.joining(", "));
        };
    }

    private void signRfc9421(List<String[]> h, Instant at) {
        h.add(new String[]{"Content-Digest", digest != null ? digest : ContentDigest.sha256(body)});
        List<String> components = covered;
        if (components == null) {
            components = new ArrayList<>(List.of("@method", "@target-uri", "content-digest"));
            if (contentType != null) components.add("content-type");
        }
        SignatureAlgorithm alg = scheme == Scheme.RFC9421_ED25519 ? SignatureAlgorithm.ED25519 : SignatureAlgorithm.RSA_V1_5_SHA256;
        SignatureParams p = rfcParams.apply(SignatureParams.of(components, at, key.keyId(), alg));
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String[] line : h) map.computeIfAbsent(line[0], n -> new ArrayList<>()).add(line[1]);
        SignedRequestParts parts = new SignedRequestParts("POST", URI.create("http://" + host + target), map, body);
        try {
            Rfc9421Signer.sign(parts, Rfc9421Signer.DEFAULT_LABEL, p, key.signer()).forEach((k, v) -> h.add(new String[]{k, v}));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header edits after signing. */
    static UnaryOperator<List<String[]>> mapLine(String name, UnaryOperator<String> change) {
        return lines -> lines.stream().map(l -> l[0].equalsIgnoreCase(name) ? new String[]{l[0], change.apply(l[1])} : l).toList();
    }

    static UnaryOperator<List<String[]>> dropLine(String name) {
        return lines -> lines.stream().filter(l -> !l[0].equalsIgnoreCase(name)).toList();
    }

    static UnaryOperator<List<String[]>> addLine(String name, String value) {
        return lines -> {
            List<String[]> out = new ArrayList<>(lines);
            out.add(new String[]{name, value});
            return out;
        };
    }

    /** Cavage parameter edits after signing. */
    static UnaryOperator<List<Param>> dropParam(String name) {
        return ps -> ps.stream().filter(p -> !p.name().equals(name)).toList();
    }

    static UnaryOperator<List<Param>> mapParam(String name, UnaryOperator<String> change) {
        return ps -> ps.stream().map(p -> p.name().equals(name) ? new Param(p.name(), change.apply(p.value()), p.quoted()) : p).toList();
    }

    /** Adds a parameter before ({@code first}) or after the others. */
    static UnaryOperator<List<Param>> addParam(Param extra, boolean first) {
        return ps -> {
            List<Param> out = new ArrayList<>(ps);
            out.add(first ? 0 : out.size(), extra);
            return out;
        };
    }

    private byte[] sign(byte[] data) {
        try {
            return key.signer().sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface KeyMaker {
        PublicKeySign make() throws GeneralSecurityException;
    }

    private static PublicKeySign signer(KeyMaker maker) {
        try {
            return maker.make();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
