package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.SignatureProbes.Base;
import de.allmende.federation.inbox.SignedPost.Scheme;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

import static de.allmende.federation.inbox.Probe.Expect.EITHER;
import static de.allmende.federation.inbox.Probe.Expect.FORGERY;
import static de.allmende.federation.inbox.Probe.Expect.MALFORMED;

/**
 * Correctly signed activities in broken HTTP framing, over a raw socket (chunked bodies, two lengths,
 * bare LF, HTTP/1.0 and 2.0 request lines, absolute targets), and bodies over the 1 MB limit
 * (finding 5: refused by their declared length, without reading them).
 */
final class FramingMutations {
    private static final String CL = "(?im)^Content-Length: \\d+\r\n";
    private final SignatureProbes probes;

    FramingMutations(SignatureProbes probes) {
        this.probes = probes;
    }

    List<Kind> kinds() {
        return List.of(new Kind("transport/framing", "broken HTTP framing, raw sockets", () -> times(3, this::framing)),
                new Kind("transport/size", "finding 5: bodies over 1 MB", () -> times(3, this::sizes)));
    }

    private List<Draft> times(int n, java.util.function.Supplier<List<Draft>> make) {
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.addAll(make.get());
        return out;
    }

    /** A draft that signs normally, then rewrites the request text (ISO-8859-1). */
    private Draft reframed(String label, Expect expect, UnaryOperator<String> rewrite) {
        return reframed(label, expect, false, rewrite);
    }

    /** {@code incomplete}: the rewritten request lacks bytes the node would wait for, so our side is shut after it. */
    private Draft reframed(String label, Expect expect, boolean incomplete, UnaryOperator<String> rewrite) {
        Base b = probes.base(Scheme.CAVAGE);
        return Draft.of(label, expect, () -> {
            Wire.Request signed = SignedPost.of(probes.nodeHost(), b.inbox(), b.body(), b.key()).build();
            return Wire.raw("POST", rewrite.apply(new String(signed.bytes(), StandardCharsets.ISO_8859_1)), incomplete, signed.body());
        }).closingAllowed();
    }

    private List<Draft> framing() {
        List<Draft> out = new ArrayList<>();
        out.add(reframed("chunked, one chunk", EITHER, t -> chunked(t, 1, "")));
        out.add(reframed("chunked, 1-byte chunks", EITHER, t -> chunked(t, Integer.MAX_VALUE, "")));
        out.add(reframed("chunked with extensions", EITHER, t -> chunked(t, 3, ";ext=1")));
        out.add(reframed("chunked with a trailer", EITHER, t -> chunked(t, 1, "").replaceFirst("0\r\n\r\n$", "0\r\nX-Trailer: 1\r\n\r\n")));
        out.add(reframed("chunk size zz", MALFORMED, t -> chunked(t, 1, "").replaceFirst("\r\n\r\n[0-9a-f]+\r\n", "\r\n\r\nzz\r\n")));
        out.add(reframed("chunk size -1", MALFORMED, t -> chunked(t, 1, "").replaceFirst("\r\n\r\n[0-9a-f]+\r\n", "\r\n\r\n-1\r\n")));
        out.add(reframed("chunk size 2^64-1", MALFORMED, t -> chunked(t, 1, "").replaceFirst("\r\n\r\n[0-9a-f]+\r\n", "\r\n\r\nffffffffffffffff\r\n")));
        out.add(reframed("chunked without the last chunk", MALFORMED, true, t -> chunked(t, 1, "").replaceFirst("0\r\n\r\n$", "")));
        out.add(reframed("Content-Length and chunked", EITHER, t -> chunked(t, 1, "").replaceFirst("\r\n\r\n", "\r\nContent-Length: 5\r\n\r\n")));
        out.add(reframed("two different Content-Length", MALFORMED, t -> t.replaceFirst("(?m)^(Content-Length: \\d+\r\n)", "$1Content-Length: 3\r\n")));
        out.add(reframed("two equal Content-Length", EITHER, t -> t.replaceFirst("(?m)^(Content-Length: \\d+\r\n)", "$1$1")));
        out.add(reframed("Content-Length abc", MALFORMED, t -> t.replaceFirst(CL, "Content-Length: abc\r\n")));
        out.add(reframed("Content-Length -1", MALFORMED, t -> t.replaceFirst(CL, "Content-Length: -1\r\n")));
        out.add(reframed("Content-Length shorter than the body", FORGERY, t -> t.replaceFirst(CL, "Content-Length: 20\r\n")));
        out.add(reframed("Content-Length longer than the body", MALFORMED, true, t -> t.replaceFirst("(?m)^Content-Length: (\\d+)\r\n", "Content-Length: 99999\r\n")));
        out.add(reframed("Transfer-Encoding gzip", MALFORMED, t -> t.replaceFirst(CL, "Transfer-Encoding: gzip\r\n")));
        out.add(reframed("Transfer-Encoding chunked twice", EITHER, t -> chunked(t, 1, "").replaceFirst("chunked", "chunked, chunked")));
        out.add(reframed("space before the colon", MALFORMED, t -> chunked(t, 1, "").replaceFirst("Transfer-Encoding:", "Transfer-Encoding :")));
        out.add(reframed("bare LF line ends", EITHER, t -> head(t).replace("\r\n", "\n") + "\n\n" + body(t)));
        out.add(reframed("a header without colon", MALFORMED, t -> t.replaceFirst("\r\n", "\r\nNoColonHere\r\n")));
        out.add(reframed("NUL in a header value", MALFORMED, t -> t.replaceFirst("\r\n", "\r\nX-Nul: a\0b\r\n")));
        out.add(reframed("a bare CR in a header value", MALFORMED, t -> t.replaceFirst("\r\n", "\r\nX-Cr: a\rb\r\n")));
        out.add(reframed("obs-fold continuation", EITHER, t -> t.replaceFirst("\r\n", "\r\nX-Folded: a\r\n b\r\n")));
        out.add(reframed("HTTP/1.0 without Host", EITHER, t -> t.replaceFirst(" HTTP/1.1\r\n", " HTTP/1.0\r\n").replaceFirst("(?m)^Host: [^\r]*\r\n", "")));
        out.add(reframed("HTTP/1.0", EITHER, t -> t.replaceFirst(" HTTP/1.1\r\n", " HTTP/1.0\r\n")));
        out.add(reframed("HTTP/2.0 request line", MALFORMED, t -> t.replaceFirst(" HTTP/1.1\r\n", " HTTP/2.0\r\n"))
                .allowing(Probe.Leeway.UNSUPPORTED_VERSION));
        out.add(reframed("lower-case http/1.1", MALFORMED, t -> t.replaceFirst(" HTTP/1.1\r\n", " http/1.1\r\n"))
                .allowing(Probe.Leeway.UNSUPPORTED_VERSION));
        out.add(reframed("tabs in the request line (RFC 9112 lets servers split on any whitespace)", EITHER, t -> t.replaceFirst("POST (\\S+) HTTP", "POST\t$1\tHTTP")));
        out.add(reframed("absolute-form target", EITHER, t -> t.replaceFirst("POST /", "POST http://" + probes.nodeHost() + "/")));
        out.add(reframed("absolute-form target on another host", EITHER, t -> t.replaceFirst("POST /", "POST http://evil.example/")));
        out.add(reframed("Expect: 100-continue", EITHER, t -> t.replaceFirst("\r\n", "\r\nExpect: 100-continue\r\n")));
        out.add(reframed("Expect: garbage", EITHER, t -> t.replaceFirst("\r\n", "\r\nExpect: garbage\r\n")));
        out.add(reframed("gzip Content-Encoding", EITHER, t -> head(t).replaceFirst(CL, "") + "\r\nContent-Encoding: gzip\r\nContent-Length: "
                + gzip(body(t)).length() + "\r\n\r\n" + gzip(body(t))));
        out.add(reframed("a second, garbage request pipelined", EITHER, t -> t + "GARBAGE\r\n\r\n"));
        out.add(Draft.of("an empty request", MALFORMED, () -> Wire.raw("POST", "\r\n\r\n", true)).closingAllowed());
        out.add(Draft.of("TLS handshake bytes", MALFORMED, () -> Wire.raw("POST", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003", true))
                .closingAllowed());
        out.add(Draft.of("OPTIONS *", EITHER, () -> Wire.raw("OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: " + probes.nodeHost() + "\r\nConnection: close\r\n\r\n", false))
                .closingAllowed());
        out.add(Draft.of("CONNECT", EITHER, () -> Wire.raw("CONNECT", "CONNECT " + probes.nodeHost() + " HTTP/1.1\r\nHost: " + probes.nodeHost()
                + "\r\nConnection: close\r\n\r\n", false)).closingAllowed());
        return out;
    }

    private List<Draft> sizes() {
        List<Draft> out = new ArrayList<>();
        for (String length : new String[]{"1048577", "2147483648", "100000000000000000000"}) {
            out.add(reframed("declared Content-Length " + length + ", body not sent", MALFORMED,
                    t -> head(t).replaceFirst("(?m)^Content-Length: \\d+", "Content-Length: " + length) + "\r\n\r\n"));
        }
        out.add(ofSize("1.5 MB, signed, sent with Content-Length", MALFORMED, 1_572_864, false));
        out.add(ofSize("1.5 MB, signed, sent chunked", MALFORMED, 1_572_864, true));
        out.add(ofSize("1 MB + 1 byte, signed", MALFORMED, 1_048_577, false));
        out.add(ofSize("exactly 1 MB, signed", EITHER, 1_048_576, false));
        return out;
    }

    /** A correctly signed Create(Note) whose body is exactly {@code size} bytes. */
    private Draft ofSize(String label, Expect expect, int size, boolean chunked) {
        Base b = probes.base(Scheme.CAVAGE);
        ObjectNode doc = b.doc().deepCopy();
        ((ObjectNode) doc.get("object")).put("content", "");
        ((ObjectNode) doc.get("object")).put("content", "x".repeat(size - RecordedProbes.bytes(doc).length));
        byte[] body = RecordedProbes.bytes(doc);
        return Draft.of(label, expect, () -> {
            Wire.Request signed = SignedPost.of(probes.nodeHost(), b.inbox(), body, b.key()).build();
            String text = new String(signed.bytes(), StandardCharsets.ISO_8859_1);
            return Wire.raw("POST", chunked ? chunked(text, 1, "") : text, false, body);
        }).closingAllowed();
    }

    private static String head(String t) {
        return t.substring(0, t.indexOf("\r\n\r\n"));
    }

    private static String body(String t) {
        return t.substring(t.indexOf("\r\n\r\n") + 4);
    }

    /** Rewrites the body into {@code parts} chunks (at most one per byte). */
    private static String chunked(String t, int parts, String extension) {
        String body = body(t);
        int size = Math.max(1, (int) Math.ceil(body.length() / (double) Math.min(parts, body.length())));
        StringBuilder b = new StringBuilder(head(t).replaceFirst(CL, "Transfer-Encoding: chunked\r\n"));
        b.append("\r\n\r\n");
        for (int i = 0; i < body.length(); i += size) {
            String piece = body.substring(i, Math.min(body.length(), i + size));
            b.append(Integer.toHexString(piece.length())).append(extension).append("\r\n").append(piece).append("\r\n");
        }
        return b.append("0\r\n\r\n").toString();
    }

    private static String gzip(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
