package de.allmende.federation.inbox;

import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.SignatureProbes.Variant;
import de.allmende.federation.signature.ContentDigest;
import de.allmende.federation.signature.DigestHeader;
import de.allmende.federation.signature.SignatureParams;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.allmende.federation.inbox.Probe.Expect.EITHER;
import static de.allmende.federation.inbox.Probe.Expect.FORGERY;
import static de.allmende.federation.inbox.SignatureProbes.ALL;
import static de.allmende.federation.inbox.SignatureProbes.CAVAGE;
import static de.allmende.federation.inbox.SignatureProbes.RFC9421;
import static de.allmende.federation.inbox.SignedPost.Param;
import static de.allmende.federation.inbox.SignedPost.addLine;
import static de.allmende.federation.inbox.SignedPost.addParam;
import static de.allmende.federation.inbox.SignedPost.dropLine;
import static de.allmende.federation.inbox.SignedPost.dropParam;
import static de.allmende.federation.inbox.SignedPost.mapLine;
import static de.allmende.federation.inbox.SignedPost.mapParam;

/**
 * The Signature header bent while the key and the body stay right: parameters dropped, doubled and
 * reordered, other algorithms, broken base64, what is covered, the digest, the body changed after
 * signing. A bent signature that still verifies with the actor's own key over the body sent may be
 * accepted (EITHER); one that no longer vouches for the body sent must not (FORGERY).
 */
final class SignatureMutations {
    private final SignatureProbes probes;

    SignatureMutations(SignatureProbes probes) {
        this.probes = probes;
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("signature/cavage-params", "Signature parameters dropped, doubled, reordered", () -> probes.expand(params(), 18, 400)),
                new Kind("signature/algorithm", "other algorithms named or used", () -> probes.expand(algorithms(), 12, 200)),
                new Kind("signature/base64", "signature bytes broken", () -> probes.expand(base64(), 12, 250)),
                new Kind("signature/coverage", "covered headers missing (request-target), host, digest, date",
                        () -> probes.expand(coverage(), 12, 350)),
                new Kind("signature/digest", "Digest and Content-Digest wrong, missing, other algorithms", () -> probes.expand(digests(), 20, 300)),
                new Kind("signature/body-changed", "body changed after signing", () -> probes.expand(bodyChanged(), 12, 150)));
    }

    private List<Variant> params() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("keyId dropped", FORGERY, CAVAGE, (p, b) -> p.params(dropParam("keyId"))));
        v.add(new Variant("signature dropped", FORGERY, CAVAGE, (p, b) -> p.params(dropParam("signature"))));
        v.add(new Variant("headers dropped (defaults to date only)", FORGERY, CAVAGE, (p, b) -> p.params(dropParam("headers"))));
        v.add(new Variant("algorithm dropped (hs2019)", EITHER, CAVAGE, (p, b) -> p.params(dropParam("algorithm"))));
        v.add(new Variant("keyId empty", FORGERY, CAVAGE, (p, b) -> p.params(mapParam("keyId", k -> ""))));
        v.add(new Variant("keyId twice, another actor's first", EITHER, CAVAGE,
                (p, b) -> p.params(addParam(Param.of("keyId", probes.other().keyId()), true))));
        v.add(new Variant("keyId twice, another actor's last", EITHER, CAVAGE,
                (p, b) -> p.params(addParam(Param.of("keyId", probes.other().keyId()), false))));
        v.add(new Variant("signature twice, garbage first", EITHER, CAVAGE, (p, b) -> p.params(addParam(Param.of("signature", "AAAA"), true))));
        v.add(new Variant("headers twice, date only first", EITHER, CAVAGE, (p, b) -> p.params(addParam(Param.of("headers", "date"), true))));
        v.add(new Variant("an unknown parameter", EITHER, CAVAGE, (p, b) -> p.params(addParam(Param.of("foo", "bar"), false))));
        v.add(new Variant("1,000 unknown parameters", EITHER, CAVAGE, (p, b) -> p.params(ps -> {
            List<Param> out = new ArrayList<>(ps);
            for (int i = 0; i < 1000; i++) out.add(Param.of("p" + i, "v"));
            return out;
        })));
        v.add(new Variant("parameters reversed", EITHER, CAVAGE, (p, b) -> p.params(ps -> {
            List<Param> out = new ArrayList<>(ps);
            Collections.reverse(out);
            return out;
        })));
        v.add(new Variant("parameter names upper case", EITHER, CAVAGE,
                (p, b) -> p.params(ps -> ps.stream().map(x -> new Param(x.name().toUpperCase(), x.value(), x.quoted())).toList())));
        v.add(new Variant("values unquoted", EITHER, CAVAGE,
                (p, b) -> p.params(ps -> ps.stream().filter(x -> !x.name().equals("headers")).map(x -> new Param(x.name(), x.value(), false)).toList())));
        v.add(new Variant("spaces around = and ,", EITHER, CAVAGE, (p, b) -> p.lines(mapLine("Signature", s -> s.replace("=\"", " = \"").replace("\",", "\" , ")))));
        v.add(new Variant("trailing comma", EITHER, CAVAGE, (p, b) -> p.lines(mapLine("Signature", s -> s + ","))));
        v.add(new Variant("unterminated quote", FORGERY, CAVAGE, (p, b) -> p.lines(mapLine("Signature", s -> s.substring(0, s.length() - 1)))));
        v.add(new Variant("\"Signature \" prefix", EITHER, CAVAGE, (p, b) -> p.lines(mapLine("Signature", s -> "Signature " + s))));
        v.add(new Variant("Signature twice, same value", EITHER, CAVAGE, (p, b) -> p.lines(l -> addLine("Signature", value(l, "Signature")).apply(l))));
        v.add(new Variant("Signature twice, garbage second", EITHER, CAVAGE, (p, b) -> p.lines(addLine("Signature", "keyId=\"x\",signature=\"AAAA\""))));
        v.add(new Variant("as Authorization: Signature", EITHER, CAVAGE,
                (p, b) -> p.lines(l -> dropLine("Signature").apply(addLine("Authorization", "Signature " + value(l, "Signature")).apply(l)))));
        v.add(new Variant("Authorization: Signature garbage besides", EITHER, CAVAGE,
                (p, b) -> p.lines(addLine("Authorization", "Signature keyId=\"x\",signature=\"AAAA\""))));
        v.add(new Variant("no = at all", FORGERY, CAVAGE, (p, b) -> p.lines(mapLine("Signature", s -> s.replace("=", "")))));
        return v;
    }

    private static List<Variant> algorithms() {
        List<Variant> v = new ArrayList<>();
        for (String alg : new String[]{"hmac-sha256", "rsa-sha512", "rsa-sha1", "ecdsa-sha256", "ed25519", "RSA-SHA256", "hs2019", "", "none",
                "rsa-sha256 ", "x".repeat(1000)}) {
            v.add(new Variant("algorithm \"" + (alg.length() > 20 ? "x…" : alg) + "\"", EITHER, CAVAGE, (p, b) -> p.algorithm(alg)));
        }
        v.add(new Variant("(created) with hs2019", EITHER, CAVAGE,
                (p, b) -> p.algorithm("hs2019").covered(List.of("(request-target)", "(created)", "host", "digest"))));
        v.add(new Variant("(created) with rsa-sha256", EITHER, CAVAGE, (p, b) -> p.covered(List.of("(request-target)", "(created)", "host", "digest"))));
        v.add(new Variant("alg dropped", EITHER, RFC9421, (p, b) -> p.rfcParams(x -> without(x, "alg"))));
        v.add(new Variant("alg hmac-sha256", EITHER, RFC9421, (p, b) -> p.rfcParams(x -> x.with("alg", "hmac-sha256"))));
        v.add(new Variant("alg of the other key type", EITHER, RFC9421,
                (p, b) -> p.rfcParams(x -> x.with("alg", x.alg().orElse("").equals("ed25519") ? "rsa-v1_5-sha256" : "ed25519"))));
        v.add(new Variant("alg unknown", EITHER, RFC9421, (p, b) -> p.rfcParams(x -> x.with("alg", "foo-bar"))));
        v.add(new Variant("nonce and tag", EITHER, RFC9421, (p, b) -> p.rfcParams(x -> x.with("nonce", "n0nce").with("tag", "fediverse"))));
        return v;
    }

    private static List<Variant> base64() {
        List<Variant> v = new ArrayList<>();
        String[][] broken = {{"empty", ""}, {"not base64", "!!!!"}, {"four As", "AAAA"}, {"20 KB of As", "A".repeat(20_000)}};
        for (String[] b64 : broken) {
            v.add(new Variant("signature " + b64[0], FORGERY, CAVAGE, (p, b) -> p.params(mapParam("signature", s -> b64[1]))));
            v.add(new Variant("signature " + b64[0], FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> "sig1=:" + b64[1] + ":"))));
        }
        v.add(new Variant("signature truncated", FORGERY, CAVAGE, (p, b) -> p.params(mapParam("signature", s -> s.substring(4)))));
        v.add(new Variant("one bit flipped", FORGERY, CAVAGE, (p, b) -> p.params(mapParam("signature", SignatureMutations::flipBit))));
        v.add(new Variant("one bit flipped", FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> "sig1=:" + flipBit(s.substring(6, s.length() - 1)) + ":"))));
        v.add(new Variant("URL-safe alphabet", EITHER, CAVAGE, (p, b) -> p.params(mapParam("signature", s -> s.replace('+', '-').replace('/', '_')))));
        v.add(new Variant("padding removed", EITHER, CAVAGE, (p, b) -> p.params(mapParam("signature", s -> s.replace("=", "")))));
        v.add(new Variant("spaces inside", EITHER, CAVAGE, (p, b) -> p.params(mapParam("signature", s -> s.substring(0, 10) + " " + s.substring(10)))));
        v.add(new Variant("folded header (obs-fold)", EITHER, CAVAGE,
                (p, b) -> p.params(mapParam("signature", s -> s.substring(0, 10) + "\r\n " + s.substring(10)))));
        v.add(new Variant("not a byte sequence", FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> "sig1=abc"))));
        v.add(new Variant("a string, not bytes", FORGERY, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> "sig1=\"" + s.substring(6, s.length() - 1) + "\""))));
        v.add(new Variant("extra parameter on the signature", EITHER, RFC9421, (p, b) -> p.lines(mapLine("Signature", s -> s + ";x=1"))));
        return v;
    }

    private static List<Variant> coverage() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("without (request-target)", EITHER, CAVAGE, (p, b) -> p.covered(List.of("host", "date", "digest"))));
        v.add(new Variant("without host", EITHER, CAVAGE, (p, b) -> p.covered(List.of("(request-target)", "date", "digest"))));
        v.add(new Variant("without digest, body swapped", FORGERY, CAVAGE,
                (p, b) -> p.covered(List.of("(request-target)", "host", "date")).sendBody(forgedBody(b))));
        v.add(new Variant("without date", FORGERY, CAVAGE, (p, b) -> p.covered(List.of("(request-target)", "host", "digest"))));
        v.add(new Variant("only date", FORGERY, CAVAGE, (p, b) -> p.covered(List.of("date"))));
        v.add(new Variant("only digest", FORGERY, CAVAGE, (p, b) -> p.covered(List.of("digest"))));
        v.add(new Variant("empty list", FORGERY, CAVAGE, (p, b) -> p.covered(List.of())));
        v.add(new Variant("names in upper case", EITHER, CAVAGE, (p, b) -> p.covered(List.of("(Request-Target)", "Host", "Date", "Digest"))));
        v.add(new Variant("date twice", EITHER, CAVAGE, (p, b) -> p.covered(List.of("(request-target)", "host", "date", "date", "digest"))));
        v.add(new Variant("an unknown pseudo-header", EITHER, CAVAGE, (p, b) -> p.covered(List.of("(request-target)", "(foo)", "date", "digest"))));
        v.add(new Variant("a header signed but not sent", EITHER, CAVAGE, (p, b) -> p.signedHeader("X-Missing", "1")
                .covered(List.of("(request-target)", "x-missing", "date", "digest")).lines(dropLine("X-Missing"))));
        v.add(new Variant("without @target-uri", EITHER, RFC9421, (p, b) -> p.covered(List.of("@method", "content-digest"))));
        v.add(new Variant("without @method", EITHER, RFC9421, (p, b) -> p.covered(List.of("@target-uri", "content-digest"))));
        v.add(new Variant("without content-digest, body swapped", FORGERY, RFC9421,
                (p, b) -> p.covered(List.of("@method", "@target-uri")).sendBody(forgedBody(b))));
        v.add(new Variant("@authority and @path instead of @target-uri", EITHER, RFC9421,
                (p, b) -> p.covered(List.of("@method", "@authority", "@path", "content-digest"))));
        v.add(new Variant("a header signed but not sent", EITHER, RFC9421, (p, b) -> p.signedHeader("X-Missing", "1")
                .covered(List.of("@method", "@target-uri", "content-digest", "x-missing")).lines(dropLine("X-Missing"))));
        v.add(new Variant("nothing covered, body swapped", FORGERY, RFC9421, (p, b) -> p.covered(List.of()).sendBody(forgedBody(b))));
        return v;
    }

    private static List<Variant> digests() {
        List<Variant> v = new ArrayList<>();
        byte[] other = "{\"other\":true}".getBytes();
        v.add(new Variant("Digest of another body, signed", FORGERY, CAVAGE, (p, b) -> p.digest(DigestHeader.sha256(other))));
        v.add(new Variant("Digest SHA-512, correct", EITHER, CAVAGE, (p, b) -> p.digest("SHA-512=" + b64(sha(b.body(), "SHA-512")))));
        v.add(new Variant("Digest empty", FORGERY, CAVAGE, (p, b) -> p.digest("SHA-256=")));
        v.add(new Variant("Digest not base64", FORGERY, CAVAGE, (p, b) -> p.digest("SHA-256=!!!")));
        v.add(new Variant("Digest MD5, correct", EITHER, CAVAGE, (p, b) -> p.digest("MD5=" + b64(sha(b.body(), "MD5")))));
        v.add(new Variant("Digest algorithm in lower case", EITHER, CAVAGE, (p, b) -> p.digest(DigestHeader.sha256(b.body()).replace("SHA-256", "sha-256"))));
        v.add(new Variant("two digests, the SHA-256 one wrong", EITHER, CAVAGE,
                (p, b) -> p.digest(DigestHeader.sha256(other) + ",SHA-512=" + b64(sha(b.body(), "SHA-512")))));
        v.add(new Variant("Digest not covered, body swapped", FORGERY, CAVAGE,
                (p, b) -> p.covered(List.of("(request-target)", "host", "date")).sendBody(forgedBody(b))));
        v.add(new Variant("Digest covered but not sent", FORGERY, CAVAGE, (p, b) -> p.lines(dropLine("Digest"))));
        v.add(new Variant("Content-Digest of another body", FORGERY, RFC9421, (p, b) -> p.digest(ContentDigest.sha256(other))));
        v.add(new Variant("Content-Digest sha-512, correct", EITHER, RFC9421, (p, b) -> p.digest("sha-512=:" + b64(sha(b.body(), "SHA-512")) + ":")));
        v.add(new Variant("Content-Digest not a byte sequence", FORGERY, RFC9421, (p, b) -> p.digest("sha-256=abc")));
        v.add(new Variant("Content-Digest unknown algorithm", EITHER, RFC9421, (p, b) -> p.digest("md5=:" + b64(sha(b.body(), "MD5")) + ":")));
        v.add(new Variant("Content-Digest covered but not sent", FORGERY, RFC9421, (p, b) -> p.lines(dropLine("Content-Digest"))));
        v.add(new Variant("Content-Digest garbage structured field", FORGERY, RFC9421, (p, b) -> p.digest("sha-256=:((:")));
        return v;
    }

    private static List<Variant> bodyChanged() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("body changed after signing", FORGERY, ALL, (p, b) -> p.sendBody(forgedBody(b))));
        v.add(new Variant("body changed, digest recomputed after signing", FORGERY, CAVAGE,
                (p, b) -> p.sendBody(forgedBody(b)).lines(mapLine("Digest", d -> DigestHeader.sha256(forgedBody(b))))));
        v.add(new Variant("body changed, Content-Digest recomputed after signing", FORGERY, RFC9421,
                (p, b) -> p.sendBody(forgedBody(b)).lines(mapLine("Content-Digest", d -> ContentDigest.sha256(forgedBody(b))))));
        v.add(new Variant("a space appended after signing", FORGERY, ALL, (p, b) -> p.sendBody(concat(b.body(), " ".getBytes()))));
        v.add(new Variant("last byte cut after signing", FORGERY, ALL, (p, b) -> p.sendBody(java.util.Arrays.copyOf(b.body(), b.body().length - 1))));
        v.add(new Variant("empty body after signing", FORGERY, ALL, (p, b) -> p.sendBody(new byte[0])));
        return v;
    }

    /** The same activity saying something else: what an attacker would swap in. */
    static byte[] forgedBody(SignatureProbes.Base b) {
        var doc = b.doc().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("object")).put("content", "<p>gefälscht</p>");
        return RecordedProbes.bytes(doc);
    }

    private static String value(List<String[]> lines, String name) {
        return Wire.values(lines, name).getFirst();
    }

    static SignatureParams without(SignatureParams p, String name) {
        Map<String, Object> params = new LinkedHashMap<>(p.parameters());
        params.remove(name);
        return new SignatureParams(p.components(), params);
    }

    private static String flipBit(String b64) {
        byte[] raw = Base64.getDecoder().decode(b64);
        raw[raw.length / 2] ^= 1;
        return Base64.getEncoder().encodeToString(raw);
    }

    private static byte[] sha(byte[] body, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
