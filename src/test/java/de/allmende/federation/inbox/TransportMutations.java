package de.allmende.federation.inbox;

import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.SignatureProbes.Base;
import de.allmende.federation.inbox.SignedPost.Scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static de.allmende.federation.inbox.Probe.Expect.ACCEPT;
import static de.allmende.federation.inbox.Probe.Expect.EITHER;
import static de.allmende.federation.inbox.Probe.Expect.FORGERY;
import static de.allmende.federation.inbox.Probe.Expect.MALFORMED;
import static de.allmende.federation.inbox.SignedPost.addLine;
import static de.allmende.federation.inbox.SignedPost.dropLine;

/**
 * What surrounds a correctly signed activity: media types exact and nearly right (finding 9), inbox
 * paths with NUL, percent signs, unicode and great length (finding 6), odd Host headers (finding 6),
 * huge headers and other methods. Each bent request also goes out unsigned, which must never pass.
 */
final class TransportMutations {
    private final SignatureProbes probes;

    TransportMutations(SignatureProbes probes) {
        this.probes = probes;
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("transport/content-type", "finding 9: exact media types", () -> contentTypes(450)),
                new Kind("transport/inbox-path", "finding 6: inbox paths with NUL, %, unicode, length", () -> inboxPaths(350)),
                new Kind("transport/host", "finding 6: empty and odd Host headers", () -> hosts(200)),
                new Kind("transport/huge-headers", "findings 4, 5: header limits", () -> hugeHeaders(80)),
                new Kind("transport/methods", "other methods on the inboxes", () -> methods(80)));
    }

    private List<Draft> contentTypes(int cap) {
        List<Object[]> types = new ArrayList<>(List.of(
                new Object[]{"application/activity+json", ACCEPT}, new Object[]{"application/json", ACCEPT},
                new Object[]{"application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", ACCEPT},
                new Object[]{"application/activity+json; charset=utf-8", ACCEPT}, new Object[]{"APPLICATION/ACTIVITY+JSON", EITHER},
                new Object[]{" application/activity+json", EITHER}, new Object[]{"application/activity+json ", EITHER},
                new Object[]{"application/ld+json", EITHER}, new Object[]{"application/ld+json; profile=\"other\"", EITHER},
                new Object[]{"application/activity+json; q=0.5", EITHER}, new Object[]{"application/activity+json;", EITHER}));
        for (String near : new String[]{"application/activity+jsonfoo", "application/activity+json2", "application/activity+xml",
                "application/activity", "application/jsonp", "application/json-patch+json", "application/x-json", "application/ld+jsonx",
                "text/json", "text/plain", "text/html", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                "application/activity+json; charset=utf-16", "application/activity+json; charset=latin1",
                "application/activity+json; charset=\"unterminated", "application/activity+json;charset=utf-8;charset=utf-16",
                "application/json;profile", "*/*", "application/*", "", "application/activity json", "application/ activity+json",
                "application/activity+json, text/plain", "application/activity+json\u0000"}) {
            types.add(new Object[]{near, MALFORMED});
        }
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (Object[] t : types) {
                String type = (String) t[0];
                Scheme scheme = type.indexOf('\u0000') >= 0 || i % 2 == 0 ? Scheme.CAVAGE : Scheme.RFC9421_ED25519;
                out.add(probes.draft("Content-Type \"" + type + "\"", (Expect) t[1], scheme, (p, b) -> p.contentType(type)));
            }
            out.add(probes.draft("no Content-Type", MALFORMED, Scheme.CAVAGE, (p, b) -> p.contentType(null)));
            out.add(probes.draft("Content-Type twice, text/plain second", EITHER, Scheme.CAVAGE,
                    (p, b) -> p.lines(addLine("Content-Type", "text/plain"))));
            out.add(probes.draft("Content-Type twice, text/plain first", MALFORMED, Scheme.CAVAGE,
                    (p, b) -> p.contentType("text/plain").lines(addLine("Content-Type", "application/activity+json"))));
        }
        return RecordedProbes.sample(out, cap, probes.random());
    }

    private List<Draft> inboxPaths(int cap) {
        List<Object[]> paths = new ArrayList<>();
        for (String same : new String[]{"/inbox?x=1", "/actors/musterstadt/inbox?x=1", "/inbox?%00", "/inbox/", "//inbox",
                "/actors/musterstadt/../../inbox", "/actors/%2e%2e/inbox", "/actors/MUSTERSTADT/inbox", "/inbox#frag"}) {
            paths.add(new Object[]{same, EITHER});
        }
        for (String none : new String[]{"/inbox%00", "/inbox%2500", "/actors/musterstadt%00/inbox", "/actors/%00/inbox",
                "/actors/x%00/inbox", "/actors/%25/inbox", "/actors/%/inbox", "/actors/%zz/inbox", "/actors/nobody/inbox",
                "/actors/" + "x".repeat(300) + "/inbox", "/actors/" + "x".repeat(5000) + "/inbox", "/actors/musterstadt%2Finbox",
                "/actors/m%C3%BCnster/inbox", "/actors/münster/inbox", "/actors/%F0%9F%98%80/inbox", "/actors/%ED%A0%80/inbox",
                "/actors/%C0%AF/inbox", "/actors/%FF/inbox", "/actors/musterstadt%0A/inbox", "/actors/musterstadt%20/inbox",
                "/actors/{}/inbox", "/actors/%7B%7D/inbox", "/INBOX", "/inbox;x=1", "/inbox.json", "/actors/musterstadt/outbox",
                "/actors/musterstadt/inbox%00", "/actor/inbox%00", "/actors//inbox", "/actors/" + "%00".repeat(500) + "/inbox"}) {
            paths.add(new Object[]{none, MALFORMED});
        }
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (Object[] path : paths) {
                String target = (String) path[0];
                Base b = probes.base(Scheme.CAVAGE);
                out.add(probes.draft("POST " + shorten(target), (Expect) path[1], b,
                        (p, x) -> SignedPost.of(probes.nodeHost(), target, b.body(), b.key())));
                out.add(probes.draft("unsigned POST " + shorten(target), FORGERY, b,
                        (p, x) -> SignedPost.of(probes.nodeHost(), target, b.body(), b.key()).lines(unsigned())));
            }
        }
        return RecordedProbes.sample(out, cap, probes.random());
    }

    private List<Draft> hosts(int cap) {
        String port = probes.nodeHost().substring(probes.nodeHost().indexOf(':') + 1);
        List<Object[]> hosts = new ArrayList<>();
        for (String odd : new String[]{"localhost:" + port, "127.0.0.1", "evil.example", "127.0.0.1:1", "[::1]:" + port,
                "LOCALHOST:" + port, "x".repeat(300), "%00"}) {
            hosts.add(new Object[]{odd, EITHER});
        }
        for (String bad : new String[]{"", " ", "a b", "[::1", "127.0.0.1:" + port + ":1", "ä", "127.0.0.1:99999", "127.0.0.1:-1",
                "user@127.0.0.1:" + port, "host\u0000x", "127.0.0.1:" + port + "/inbox"}) {
            hosts.add(new Object[]{bad, MALFORMED});
        }
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (Object[] h : hosts) {
                String host = (String) h[0];
                Base b = probes.base(Scheme.CAVAGE);
                out.add(probes.draft("Host \"" + shorten(host) + "\"", (Expect) h[1], b,
                        (p, x) -> SignedPost.of(host, b.inbox(), b.body(), b.key())));
                out.add(probes.draft("unsigned, Host \"" + shorten(host) + "\"", FORGERY, b,
                        (p, x) -> SignedPost.of(host, b.inbox(), b.body(), b.key()).lines(unsigned())));
            }
            out.add(probes.draft("no Host", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(dropLine("Host"))));
            out.add(probes.draft("Host twice, another second", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(addLine("Host", "evil.example"))));
        }
        return RecordedProbes.sample(out, cap, probes.random());
    }

    private List<Draft> hugeHeaders(int cap) {
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(probes.draft("one header of 20 KB", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(addLine("X-Padding", "p".repeat(20_000)))));
            out.add(probes.draft("one header of 8 KB", EITHER, Scheme.CAVAGE, (p, b) -> p.lines(addLine("X-Padding", "p".repeat(8_000)))));
            out.add(probes.draft("200 headers of 100 bytes", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(many(200, 100))));
            out.add(probes.draft("100 headers of 50 bytes", EITHER, Scheme.CAVAGE, (p, b) -> p.lines(many(100, 50))));
            out.add(probes.draft("a header name of 10 KB", EITHER, Scheme.CAVAGE, (p, b) -> p.lines(addLine("X".repeat(10_000), "v"))));
            out.add(probes.draft("a header name of 17 KB", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(addLine("X".repeat(17_000), "v"))));
            out.add(probes.draft("a Cookie of 17 KB", MALFORMED, Scheme.CAVAGE, (p, b) -> p.lines(addLine("Cookie", "c=" + "k".repeat(17_000)))));
            out.add(probes.draft("50 garbage Signature lines besides", EITHER, Scheme.CAVAGE, (p, b) -> p.lines(l -> {
                List<String[]> more = new ArrayList<>(l);
                for (int n = 0; n < 50; n++) more.add(new String[]{"Signature", "keyId=\"x" + n + "\",signature=\"AAAA\""});
                return more;
            })));
            Base b = probes.base(Scheme.CAVAGE);
            String longTarget = b.inbox() + "?q=" + "q".repeat(10_000);
            out.add(probes.draft("a request target of 10 KB", EITHER, b, (p, x) -> SignedPost.of(probes.nodeHost(), longTarget, b.body(), b.key())));
            out.add(probes.draft("unsigned, 20 KB Signature header", FORGERY, Scheme.CAVAGE,
                    (p, x) -> p.lines(l -> addLine("Signature", "keyId=\"" + "k".repeat(20_000) + "\"").apply(unsigned().apply(l)))));
            out.add(probes.draft("unsigned, 15 KB Signature header", FORGERY, Scheme.CAVAGE,
                    (p, x) -> p.lines(l -> addLine("Signature", "keyId=\"" + "k".repeat(15_000) + "\"").apply(unsigned().apply(l)))));
        }
        return RecordedProbes.sample(out, cap, probes.random());
    }

    private List<Draft> methods(int cap) {
        List<Draft> out = new ArrayList<>();
        for (String target : new String[]{"/inbox", "/actors/musterstadt/inbox", "/actor/inbox"}) {
            for (String method : new String[]{"GET", "HEAD", "OPTIONS"}) {
                out.add(Draft.of(method + " " + target, EITHER, () -> Wire.request(method, target).header("Host", probes.nodeHost()).build()));
            }
            for (String method : new String[]{"PUT", "DELETE", "PATCH", "TRACE", "FOO", "post", "PROPFIND"}) {
                Base b = probes.base(Scheme.CAVAGE);
                out.add(Draft.of(method + " " + target + " with a signed activity", MALFORMED, () -> {
                    Wire.Request signed = SignedPost.of(probes.nodeHost(), target, b.body(), b.key()).build();
                    byte[] bytes = signed.bytes().clone();
                    byte[] m = method.getBytes();
                    byte[] out2 = new byte[bytes.length - 4 + m.length]; // "POST" replaced by the method
                    System.arraycopy(m, 0, out2, 0, m.length);
                    System.arraycopy(bytes, 4, out2, m.length, bytes.length - 4);
                    return new Wire.Request(method, out2, signed.body(), false);
                }));
            }
        }
        List<Draft> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) all.addAll(out);
        return RecordedProbes.sample(all, cap, probes.random());
    }

    /** Drops both kinds of signature (and their digests stay, harmlessly). */
    static UnaryOperator<List<String[]>> unsigned() {
        return l -> dropLine("Signature-Input").apply(dropLine("Signature").apply(l));
    }

    private static UnaryOperator<List<String[]>> many(int count, int size) {
        return l -> {
            List<String[]> more = new ArrayList<>(l);
            for (int n = 0; n < count; n++) more.add(new String[]{"X-Filler-" + n, "f".repeat(size)});
            return more;
        };
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }
}
