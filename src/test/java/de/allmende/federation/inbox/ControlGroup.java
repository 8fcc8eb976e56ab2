package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.RecordedActivities.Recorded;
import de.allmende.federation.inbox.SignedPost.Scheme;
import de.allmende.testkit.FakeRemote;

import java.util.ArrayList;
import java.util.List;

/**
 * Legitimate activities, correctly signed, that must all be answered 202: before the attack (which also
 * makes the node know the signers' keys, as it would know its regular peers') and after it (the node
 * still takes its peers' activities once thousands of hostile requests went by, and no key was shadowed).
 */
final class ControlGroup {
    private static final List<String> INBOXES = List.of("/inbox", "/actors/musterstadt/inbox", "/actor/inbox");

    private final SignatureProbes probes;
    private final List<FakeRemote.Actor> actors;
    private final RecordedProbes recorded;
    private final String musterstadt;

    ControlGroup(SignatureProbes probes, List<FakeRemote.Actor> actors, RecordedProbes recorded) {
        this.probes = probes;
        this.actors = actors;
        this.recorded = recorded;
        this.musterstadt = "http://" + probes.nodeHost() + "/actors/musterstadt";
    }

    Kind before() {
        return new Kind("control/before", "legitimate activities before the attack: all 202", () -> {
            List<Draft> out = new ArrayList<>();
            for (FakeRemote.Actor a : actors) {
                for (Scheme s : Scheme.values()) for (String inbox : INBOXES) out.add(signed("Create(Note)", a, s, inbox, probes.createNote(a)));
                out.add(signed("Follow of our municipality", a, Scheme.CAVAGE, "/actors/musterstadt/inbox", follow(a)));
            }
            for (Recorded r : recorded.recorded()) {
                ObjectNode doc = recorded.fresh(r);
                if (OriginRules.expect(doc, r.actor().id()) == Expect.EITHER) {
                    out.add(signed(r.file() + " as recorded", r.actor(), Scheme.CAVAGE, "/inbox", doc));
                }
            }
            while (out.size() < 100) out.add(randomCreate());
            return out;
        });
    }

    /** Not judged: a node in service is warm (JIT, pools, the signers' keys known), a freshly started one is not. */
    Kind warmUp() {
        return new Kind("warm-up", "not judged", () -> {
            List<Draft> out = new ArrayList<>();
            for (int i = 0; i < 150; i++) out.add(randomCreate());
            return out;
        });
    }

    Kind after() {
        return new Kind("control/after", "legitimate activities after the attack: all 202", () -> {
            List<Draft> out = new ArrayList<>();
            for (FakeRemote.Actor a : actors) {
                ObjectNode create = probes.createNote(a);
                out.add(signed("Update of its own note", a, Scheme.CAVAGE, "/inbox", update(a, create)));
                out.add(signed("Like of a note elsewhere", a, Scheme.RFC9421_RSA, "/inbox", like(a, probes.victim().id() + "/notes/1")));
                out.add(signed("Delete of its own note", a, Scheme.RFC9421_ED25519, "/inbox", delete(a, create)));
            }
            while (out.size() < 250) out.add(randomCreate());
            return out;
        });
    }

    private Draft randomCreate() {
        FakeRemote.Actor a = actors.get(probes.random().nextInt(actors.size()));
        Scheme s = Scheme.values()[probes.random().nextInt(Scheme.values().length)];
        return signed("Create(Note)", a, s, INBOXES.get(probes.random().nextInt(INBOXES.size())), probes.createNote(a));
    }

    private Draft signed(String label, FakeRemote.Actor a, Scheme s, String inbox, ObjectNode doc) {
        byte[] body = RecordedProbes.bytes(doc);
        SignedPost.Key key = SignedPost.keyFor(a, s);
        return Draft.of(label + " by " + a.name() + " [" + s + " " + inbox + "]", Expect.ACCEPT,
                () -> SignedPost.of(probes.nodeHost(), inbox, body, key).scheme(s).build());
    }

    private ObjectNode follow(FakeRemote.Actor a) {
        ObjectNode f = activity(a, "Follow", "follow");
        f.put("object", musterstadt);
        return f;
    }

    private ObjectNode like(FakeRemote.Actor a, String object) {
        ObjectNode l = activity(a, "Like", "like");
        l.put("object", object);
        return l;
    }

    private ObjectNode update(FakeRemote.Actor a, ObjectNode create) {
        ObjectNode u = activity(a, "Update", "update");
        ObjectNode note = create.get("object").deepCopy();
        note.put("content", "<p>berichtigt</p>");
        u.set("object", note);
        return u;
    }

    private ObjectNode delete(FakeRemote.Actor a, ObjectNode create) {
        ObjectNode d = activity(a, "Delete", "delete");
        d.put("object", create.path("object").path("id").asText());
        return d;
    }

    private ObjectNode activity(FakeRemote.Actor a, String type, String kind) {
        ObjectNode created = probes.createNote(a); // only for a fresh, seeded id
        ObjectNode act = RecordedProbes.JSON.createObjectNode();
        act.put("@context", "https://www.w3.org/ns/activitystreams").put("id", created.get("id").asText() + "-" + kind)
                .put("type", type).put("actor", a.id().toString());
        act.putArray("to").add(SignatureProbes.PUBLIC);
        return act;
    }
}
