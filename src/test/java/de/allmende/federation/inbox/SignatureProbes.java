package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.SignedPost.Scheme;
import de.allmende.testkit.FakeRemote;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Probes whose body is a plain, valid Create(Note) by one of the signing actors and whose signature is
 * bent: the shared material of {@link SignatureMutations} and {@link KeyMutations}.
 *
 */
final class SignatureProbes {
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static final List<String> INBOXES = List.of("/inbox", "/actors/musterstadt/inbox", "/actor/inbox");
    static final List<Scheme> ALL = List.of(Scheme.CAVAGE, Scheme.RFC9421_RSA, Scheme.RFC9421_ED25519);
    static final List<Scheme> CAVAGE = List.of(Scheme.CAVAGE);
    static final List<Scheme> RFC9421 = List.of(Scheme.RFC9421_RSA, Scheme.RFC9421_ED25519);

    private final String nodeHost;
    private final List<FakeRemote.Actor> signers;
    private final FakeRemote.Actor other;
    private final FakeRemote.Actor victim;
    private final Random random;
    private int serial;

    /**
     * @param signers actors that sign their own activities
     * @param other   an actor of the same server whose key the node knows (for "signed by someone else")
     * @param victim  an actor of another server
     */
    SignatureProbes(String nodeHost, List<FakeRemote.Actor> signers, FakeRemote.Actor other, FakeRemote.Actor victim, Random random) {
        this.nodeHost = nodeHost;
        this.signers = signers;
        this.other = other;
        this.victim = victim;
        this.random = random;
    }

    String nodeHost() { return nodeHost; }
    FakeRemote.Actor other() { return other; }
    FakeRemote.Actor victim() { return victim; }
    Random random() { return random; }

    /** The request being bent: who signs, what, to which inbox. */
    record Base(FakeRemote.Actor actor, ObjectNode doc, byte[] body, String inbox, Scheme scheme) {
        SignedPost.Key key() {
            return SignedPost.keyFor(actor, scheme);
        }
    }

    /** A public Create(Note) by {@code actor}, ids derived from the seed. */
    ObjectNode createNote(FakeRemote.Actor actor) {
        String tag = "s" + (++serial);
        ObjectNode note = RecordedProbes.JSON.createObjectNode();
        note.put("id", actor.id() + "/notes/" + tag).put("type", "Note").put("attributedTo", actor.id().toString())
                .put("content", "<p>Bekanntmachung " + tag + "</p>").put("published", "2024-05-01T10:00:00Z");
        note.putArray("to").add(PUBLIC);
        ObjectNode create = RecordedProbes.JSON.createObjectNode();
        create.put("@context", "https://www.w3.org/ns/activitystreams").put("id", actor.id() + "/activities/" + tag)
                .put("type", "Create").put("actor", actor.id().toString());
        create.putArray("to").add(PUBLIC);
        create.set("object", note);
        return create;
    }

    Base base(Scheme scheme) {
        return base(signers.get(random.nextInt(signers.size())), scheme);
    }

    Base base(FakeRemote.Actor actor, Scheme scheme) {
        ObjectNode doc = createNote(actor);
        return new Base(actor, doc, RecordedProbes.bytes(doc), INBOXES.get(random.nextInt(INBOXES.size())), scheme);
    }

    /** A draft of a Create(Note) by a signer, signed with its own key under {@code scheme}, bent by {@code bend}. */
    Draft draft(String label, Expect expect, Scheme scheme, BiFunction<SignedPost, Base, SignedPost> bend) {
        Base b = base(scheme);
        return draft(label, expect, b, bend);
    }

    Draft draft(String label, Expect expect, Base b, BiFunction<SignedPost, Base, SignedPost> bend) {
        return Draft.of(label + " [" + b.scheme() + " " + b.inbox() + "]", expect,
                () -> bend.apply(SignedPost.of(nodeHost, b.inbox(), b.body(), b.key()).scheme(b.scheme()), b).build());
    }

    /** A POST to the base's inbox under its scheme, of another body or signed with another key. */
    SignedPost post(Base b, byte[] body, SignedPost.Key key) {
        return SignedPost.of(nodeHost, b.inbox(), body, key).scheme(b.scheme());
    }

    /** A variant of the signature, to be tried under some schemes. */
    record Variant(String label, Expect expect, List<Scheme> schemes, BiFunction<SignedPost, Base, SignedPost> bend) {}

    /** Each variant under each of its schemes, {@code times} over (other bodies, signers, inboxes), then at most {@code cap}. */
    List<Draft> expand(List<Variant> variants, int times, int cap) {
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            for (Variant v : variants) for (Scheme s : v.schemes()) out.add(draft(v.label(), v.expect(), s, v.bend()));
        }
        return RecordedProbes.sample(out, cap, random);
    }
}
