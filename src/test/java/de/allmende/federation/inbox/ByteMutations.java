package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.RecordedActivities.Recorded;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static de.allmende.federation.inbox.RecordedProbes.bytes;
import static de.allmende.federation.inbox.RecordedProbes.insertFirst;
import static de.allmende.federation.inbox.RecordedProbes.insertLast;
import static de.allmende.federation.inbox.RecordedProbes.quoted;
import static de.allmende.federation.inbox.RecordedProbes.text;
import static de.allmende.federation.inbox.RecordedProbes.utf8;

/**
 * Recorded activities changed as bytes (issue 8, finding 9: lenient parsing of signed bodies): deep
 * nesting, NUL, lone surrogates and broken UTF-8, numbers beyond double, duplicate keys, trailing
 * garbage, two documents in one, UTF-16 and BOMs, and bodies that are no JSON object at all. Each is
 * signed correctly by its actor, so only strict reading can refuse them.
 */
final class ByteMutations {
    private final RecordedProbes probes;
    private final String elsewhere;

    ByteMutations(RecordedProbes probes, URI elsewhere) {
        this.probes = probes;
        this.elsewhere = elsewhere.toString();
    }

    List<Kind> kinds() {
        String f9 = "finding 9: strict JSON";
        return List.of(
                new Kind("body/nesting", "deep nesting", () -> probes.forEach(200, this::nesting)),
                new Kind("body/nul", f9 + ": U+0000 and NUL bytes", () -> probes.forEach(150, this::nul)),
                new Kind("body/surrogates", f9 + ": lone surrogates, broken UTF-8", () -> probes.forEach(300, this::surrogates)),
                new Kind("body/numbers", f9 + ": 1e999999 and other numbers", () -> probes.forEach(400, this::numbers)),
                new Kind("body/duplicate-keys", f9 + ": duplicate keys", () -> probes.forEach(220, this::duplicates)),
                new Kind("body/trailing", f9 + ": trailing garbage", () -> probes.forEach(350, this::trailing)),
                new Kind("body/concatenated", f9 + ": two JSON documents", () -> probes.forEach(140, this::concatenated)),
                new Kind("body/encodings", f9 + ": UTF-16, UTF-32, BOM", () -> probes.forEach(170, this::encodings)),
                new Kind("body/non-json", f9 + ": no JSON object", () -> probes.forEach(450, this::nonJson)));
    }

    private void nesting(Recorded r, List<Draft> out) {
        for (int depth : new int[]{10, 64, 65, 500, 1000, 1001, 5000, 100_000}) {
            Expect e = depth <= 1000 ? Expect.EITHER : Expect.MALFORMED;
            out.add(probes.signed("arrays nested " + depth + " deep", r,
                    utf8(insertFirst(probes.fresh(r), "nested", "[".repeat(depth) + "]".repeat(depth))), e));
            out.add(probes.signed("objects nested " + depth + " deep", r,
                    utf8(insertFirst(probes.fresh(r), "nested", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))), e));
        }
    }

    private void nul(Recorded r, List<Draft> out) {
        ObjectNode content = probes.fresh(r);
        content.put("content", "nul \u0000 inside");
        out.add(probes.signed("U+0000 in a value", r, bytes(content), Expect.MALFORMED));
        ObjectNode key = probes.fresh(r);
        key.put("k\u0000", "v");
        out.add(probes.signed("U+0000 in a key", r, bytes(key), Expect.MALFORMED));
        ObjectNode id = probes.fresh(r);
        id.put("id", id.path("id").asText(r.actor().id() + "/x") + "\u0000");
        out.add(probes.signed("U+0000 at the end of the id", r, bytes(id), Expect.MALFORMED));
        String t = text(probes.fresh(r));
        out.add(probes.signed("a raw NUL byte inside a string", r, utf8(t.replaceFirst("\"type\":\"", "\"type\":\"\0")), Expect.MALFORMED));
        out.add(probes.signed("a raw NUL byte between tokens", r, utf8(t.replaceFirst(",", ",\0")), Expect.MALFORMED));
        ObjectNode context = probes.fresh(r);
        context.put("@context", "https://www.w3.org/ns/activitystreams\u0000");
        out.add(probes.signed("U+0000 in the @context", r, bytes(context), Expect.MALFORMED));
    }

    private void surrogates(Recorded r, List<Draft> out) {
        for (String escape : new String[]{"\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud800x", "\\ud83d", "x\\udc00"}) {
            out.add(probes.signed("lone surrogate " + escape + " in a value", r,
                    utf8(insertFirst(probes.fresh(r), "summary", "\"" + escape + "\"")), Expect.MALFORMED));
            out.add(probes.signed("lone surrogate " + escape + " in a key", r,
                    utf8(insertFirst(probes.fresh(r), escape, "1")), Expect.MALFORMED));
        }
        out.add(probes.signed("a surrogate pair (valid)", r, utf8(insertFirst(probes.fresh(r), "summary", "\"\\ud83d\\ude00\"")),
                Expect.EITHER));
        out.add(probes.signed("a raw emoji (valid)", r, utf8(insertFirst(probes.fresh(r), "summary", "\"\uD83D\uDE00\"")), Expect.EITHER));
        for (String hex : new String[]{"eda080", "edbfbf", "c0af", "ff", "fe", "f5808080", "e282", "80", "f08282ac", "c3"}) {
            out.add(probes.signed("bytes " + hex + " in a string", r, withRawBytes(probes.fresh(r), HexFormat.of().parseHex(hex)),
                    Expect.MALFORMED));
        }
    }

    /** The document with {@code "summary":"<raw>"} first: bytes no encoder would write. */
    private static byte[] withRawBytes(ObjectNode doc, byte[] raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(utf8("{\"summary\":\"x"));
        b.writeBytes(raw);
        b.writeBytes(utf8("x\"," + text(doc).substring(1)));
        return b.toByteArray();
    }

    private void numbers(Recorded r, List<Draft> out) {
        String[][] numbers = {
                {"1e999999", "M"}, {"-1e999999", "M"}, {"1e309", "M"}, {"1E400", "M"}, {"-2.5e308", "M"}, {"NaN", "M"}, {"Infinity", "M"},
                {"-Infinity", "M"}, {"01", "M"}, {"+1", "M"}, {".5", "M"}, {"1.", "M"}, {"0x10", "M"}, {"1_000", "M"},
                {"123456789012345678901234567890123456789012345678901234567890", "E"}, {"1e-999999", "E"}, {"-0", "E"},
                {"1.7976931348623157e308", "E"}, {"1" + "0".repeat(2000), "E"}, {"4.9e-324", "E"}};
        for (String[] n : numbers) {
            Expect e = n[1].equals("M") ? Expect.MALFORMED : Expect.EITHER;
            String shown = n[0].length() > 30 ? n[0].substring(0, 12) + "…(" + n[0].length() + " digits)" : n[0];
            out.add(probes.signed("number " + shown + " first", r, utf8(insertFirst(probes.fresh(r), "x", n[0])), e));
            out.add(probes.signed("number " + shown + " last", r, utf8(insertLast(probes.fresh(r), "x", n[0])), e));
        }
    }

    private void duplicates(Recorded r, List<Draft> out) {
        String victim = quoted(elsewhere + "/users/victim");
        String foreignId = quoted(elsewhere + "/activities/dup");
        // A reader that keeps the first value and one that keeps the last see different activities: never accept.
        for (String[] d : new String[][]{{"actor", victim}, {"id", foreignId}, {"object", quoted(elsewhere + "/notes/dup")},
                {"type", "\"Note\""}, {"type", "\"Create\""}, {"@context", "\"https://www.w3.org/ns/activitystreams\""}}) {
            out.add(probes.signed("duplicate key " + d[0] + " (the other value first)", r,
                    utf8(insertFirst(having(probes.fresh(r), d[0], r), d[0], d[1])), Expect.MALFORMED));
            out.add(probes.signed("duplicate key " + d[0] + " (the other value last)", r,
                    utf8(insertLast(having(probes.fresh(r), d[0], r), d[0], d[1])), Expect.MALFORMED));
        }
        ObjectNode same = probes.fresh(r);
        out.add(probes.signed("duplicate key actor with the same value", r,
                utf8(insertLast(same, "actor", quoted(r.actor().id().toString()))), Expect.MALFORMED));
    }

    /** The document with {@code key} (Lemmy sends no @context, GoToSocial's Delete no id), so that inserting it doubles it. */
    private static ObjectNode having(ObjectNode doc, String key, Recorded r) {
        if (!doc.has(key)) doc.put(key, key.equals("@context") ? "https://www.w3.org/ns/activitystreams" : r.actor().id() + "/" + key);
        return doc;
    }

    private void trailing(Recorded r, List<Draft> out) {
        for (String garbage : new String[]{"x", "}", "]", "{", "null", ",", "//", "/*c*/", "\0", "\n{}", "\uFEFF", "0", "\"\"", "\u001a"}) {
            out.add(probes.signed("trailing " + quoted(garbage), r, utf8(text(probes.fresh(r)) + garbage), Expect.MALFORMED));
        }
        for (String space : new String[]{" ", "\n", "\r\n\t "}) {
            out.add(probes.signed("trailing whitespace " + quoted(space), r, utf8(text(probes.fresh(r)) + space), Expect.EITHER));
        }
    }

    private void concatenated(Recorded r, List<Draft> out) {
        String first = text(probes.fresh(r));
        ObjectNode forged = probes.fresh(r);
        forged.put("actor", elsewhere + "/users/victim");
        for (String sep : new String[]{"", "\n", ","}) {
            out.add(probes.signed("two documents, separator " + quoted(sep), r, utf8(first + sep + text(probes.fresh(r))), Expect.MALFORMED));
            out.add(probes.signed("then a forged one, separator " + quoted(sep), r, utf8(first + sep + text(forged)), Expect.MALFORMED));
        }
        out.add(probes.signed("in an array", r, utf8("[" + first + "]"), Expect.MALFORMED));
        out.add(probes.signed("in an array with a forged one", r, utf8("[" + first + "," + text(forged) + "]"), Expect.MALFORMED));
    }

    private void encodings(Recorded r, List<Draft> out) {
        ObjectNode doc = probes.fresh(r);
        doc.put("summary", "Grüße aus der Gemeinde");
        String t = text(doc);
        for (String cs : new String[]{"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "ISO-8859-1"}) {
            out.add(probes.signed("encoded as " + cs, r, t.getBytes(Charset.forName(cs)), Expect.MALFORMED));
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        out.add(probes.signed("UTF-8 with a BOM", r, concat(bom, utf8(t)), Expect.MALFORMED));
        byte[] utf16le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, t.getBytes(StandardCharsets.UTF_16LE));
        out.add(probes.signed("UTF-16LE with a BOM, declared in the media type", r, utf16le, Expect.MALFORMED,
                p -> p.contentType("application/activity+json; charset=utf-16")));
    }

    private void nonJson(Recorded r, List<Draft> out) {
        String doc = text(probes.fresh(r));
        String[] bodies = {"", " ", "null", "true", "42", "\"a string\"", "[]", "{}", "[" + doc + "]", "<xml/>", "a=b&c=d",
                "<html><body>hi</body></html>", doc.substring(0, doc.length() / 2), doc.replace('"', '\''),
                doc.replaceFirst("\"type\"", "type"), doc.substring(0, doc.length() - 1) + ",}", "/*c*/" + doc, "\u0000\u0001\u0002"};
        for (String body : bodies) {
            out.add(probes.signed("body " + quoted(body.length() > 40 ? body.substring(0, 40) + "…" : body), r, utf8(body),
                    Expect.MALFORMED));
        }
        byte[] random = new byte[64];
        probes.random().nextBytes(random);
        out.add(probes.signed("64 random bytes", r, random, Expect.MALFORMED));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
