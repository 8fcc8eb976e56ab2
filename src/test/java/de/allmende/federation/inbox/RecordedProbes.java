package de.allmende.federation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.RecordedActivities.Recorded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Probes made of recorded activities, each signed correctly by the activity's own actor (draft-cavage
 * or RFC 9421, to one of the node's inboxes): whatever is wrong with them is in the body.
 */
final class RecordedProbes {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INBOXES = List.of("/inbox", "/actors/musterstadt/inbox", "/actor/inbox");

    private final String nodeHost;
    private final List<Recorded> recorded;
    private final Random random;
    private int serial;

    RecordedProbes(String nodeHost, List<Recorded> recorded, Random random) {
        this.nodeHost = nodeHost;
        this.recorded = recorded;
        this.random = random;
    }

    List<Recorded> recorded() {
        return recorded;
    }

    Random random() {
        return random;
    }

    /** A fresh copy of the activity (unique ids). */
    com.fasterxml.jackson.databind.node.ObjectNode fresh(Recorded r) {
        return r.fresh("h" + (++serial));
    }

    /** The document, signed as it is; the origin rules decide what the answer must be. */
    Draft signed(String label, Recorded r, JsonNode doc) {
        return signed(label, r, bytes(doc), OriginRules.expect(doc, r.actor().id()));
    }

    /** These bytes, signed by the activity's actor. */
    Draft signed(String label, Recorded r, byte[] body, Expect expect) {
        return signed(label, r, body, expect, Function.identity());
    }

    /** These bytes, signed by the activity's actor, the signed POST bent by {@code bend}. */
    Draft signed(String label, Recorded r, byte[] body, Expect expect, Function<SignedPost, SignedPost> bend) {
        String inbox = INBOXES.get(random.nextInt(INBOXES.size()));
        SignedPost.Scheme scheme = random.nextInt(3) == 0 ? SignedPost.Scheme.RFC9421_RSA : SignedPost.Scheme.CAVAGE;
        SignedPost.Key key = SignedPost.rsa(r.actor());
        return Draft.of(r.file() + ": " + label + " [" + scheme + " " + inbox + "]", expect,
                () -> bend.apply(SignedPost.of(nodeHost, inbox, body, key).scheme(scheme)).build());
    }

    /** For each recorded activity, the drafts {@code make} gives; then at most {@code cap} of all, chosen by the seed. */
    List<Draft> forEach(int cap, java.util.function.BiConsumer<Recorded, List<Draft>> make) {
        List<Draft> all = new ArrayList<>();
        for (Recorded r : recorded) make.accept(r, all);
        return sample(all, cap, random);
    }

    static <T> List<T> sample(List<T> all, int cap, Random random) {
        if (all.size() <= cap) return all;
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, cap);
    }

    static byte[] bytes(JsonNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode doc) {
        return new String(bytes(doc), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "name":value,} inserted right after the document's opening brace (so the document's own key comes later). */
    static String insertFirst(JsonNode doc, String name, String rawValue) {
        String t = text(doc);
        return "{\"" + name + "\":" + rawValue + (t.equals("{}") ? "" : ",") + t.substring(1);
    }

    /** {@code ,"name":value} inserted before the document's closing brace (so it comes last). */
    static String insertLast(JsonNode doc, String name, String rawValue) {
        String t = text(doc);
        return t.substring(0, t.length() - 1) + ",\"" + name + "\":" + rawValue + "}";
    }

    static String quoted(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
