package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;
import de.allmende.federation.inbox.SignedPost.Scheme;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.StallingPeers;

import java.util.ArrayList;
import java.util.List;

/**
 * Finding 3 — actors whose documents claim a victim's key id as their own, then sign with their own
 * key, and under the victim's key id (the victims must still be accepted afterwards: control/after) —
 * and finding 1: key ids on servers that answer headers, one byte, then nothing.
 */
final class KeyShadowing {
    private KeyShadowing() {}

    static Kind shadows(SignatureProbes probes, FakeRemote shadow, List<FakeRemote.Actor> victims) {
        return new Kind("signature/key-shadowing", "finding 3: a document claiming another actor's key", () -> {
            List<Draft> out = new ArrayList<>();
            for (int i = 0; i < victims.size(); i++) {
                FakeRemote.Actor victim = victims.get(i);
                FakeRemote.Actor mallory = shadow.actor("mallory-" + i);
                shadow.serve("/users/" + mallory.name(), claiming(mallory, victim));
                for (Scheme s : List.of(Scheme.CAVAGE, Scheme.RFC9421_RSA)) {
                    SignatureProbes.Base own = probes.base(mallory, s);
                    out.add(probes.draft("mallory signs her own activity", Expect.EITHER, own, (p, b) -> p));
                    out.add(probes.draft("mallory signs under the victim's key id", Expect.FORGERY, probes.base(mallory, s),
                            (p, b) -> probes.post(b, b.body(), b.key().named(SignedPost.keyFor(victim, s).keyId()))));
                    out.add(probes.draft("the victim's activity, mallory's key under the victim's key id", Expect.FORGERY, probes.base(victim, s),
                            (p, b) -> probes.post(b, b.body(), SignedPost.keyFor(mallory, s).named(b.key().keyId()))));
                    out.add(probes.draft("the victim's activity, signed by mallory", Expect.FORGERY, probes.base(victim, s),
                            (p, b) -> probes.post(b, b.body(), SignedPost.keyFor(mallory, s))));
                }
            }
            // Actors whose keys verify but who only ever send what is refused (403): nothing of theirs may be stored.
            for (int i = 0; i < 4; i++) {
                FakeRemote.Actor intruder = shadow.actor("intruder-" + i);
                FakeRemote.Actor victim = victims.get(i % victims.size());
                Scheme s = i % 2 == 0 ? Scheme.CAVAGE : Scheme.RFC9421_ED25519;
                out.add(probes.draft("an intruder signs the victim's activity with its own key", Expect.FORGERY, probes.base(victim, s),
                        (p, b) -> probes.post(b, b.body(), SignedPost.keyFor(intruder, s))));
            }
            return out;
        });
    }

    /** Mallory's document: her own keys, plus the victim's key ids and keys with her as owner. */
    private static ObjectNode claiming(FakeRemote.Actor mallory, FakeRemote.Actor victim) {
        ObjectNode doc = mallory.document();
        ObjectNode victimDoc = victim.document();
        ArrayNode keys = doc.putArray("publicKey");
        keys.add(mallory.document().get("publicKey"));
        ObjectNode stolen = victimDoc.get("publicKey").deepCopy();
        stolen.put("owner", mallory.id().toString());
        keys.add(stolen);
        ObjectNode stolenEd = victimDoc.get("assertionMethod").get(0).deepCopy();
        stolenEd.put("controller", mallory.id().toString());
        ((ArrayNode) doc.get("assertionMethod")).add(stolenEd);
        return doc;
    }

    static Kind stalling(SignatureProbes probes, StallingPeers peers, int hosts) {
        return new Kind("signature/stalling-key-server", "finding 1: key ids on servers that stall after one byte", () -> {
            List<Draft> out = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                for (String key : List.of("/users/a#main-key", "/users/b#main-key")) {
                    String keyId = peers.host(i) + key;
                    out.add(probes.draft("keyId " + keyId, Expect.FORGERY, probes.base(Scheme.CAVAGE),
                            (p, b) -> probes.post(b, b.body(), b.key().named(keyId))));
                }
            }
            return out;
        });
    }
}
