package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.HostileInbox.Rows;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.FakeRemote.Response;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static de.allmende.federation.inbox.HostileInbox.assertAccepted;
import static de.allmende.federation.inbox.HostileInbox.assertRejected;
import static de.allmende.federation.inbox.HostileInbox.awaitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keys belong to their actors (issue 8, findings 3 and 10): a key counts for an actor only if it is
 * under the actor's IRI and the actor's own document lists it; no other actor's document can take it
 * over; keys of this node come from its own database; a refused request leaves no cached actor or key.
 */
@DisplayName("inbox: a key belongs to the actor it is under, and only a verified signature caches it")
class KeyOwnershipTest {
    private static TestNode node;
    private static FakeRemote victims;
    private static FakeRemote attackers;
    private Rows before;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        victims = FakeRemote.start();
        attackers = FakeRemote.start();
    }

    @AfterAll
    static void stop() {
        if (victims != null) victims.close();
        if (attackers != null) attackers.close();
        if (node != null) node.close();
    }

    @BeforeEach
    void snapshot() {
        awaitQuiet(node);
        before = Rows.of(node);
    }

    private static URI sharedInbox() {
        return HostileInbox.sharedInbox(node);
    }

    private static long keyRows(String keyId) {
        return node.count("SELECT count(*) FROM remote_key WHERE key_id = '" + keyId + "'");
    }

    private static long actorRows(URI actor) {
        return node.count("SELECT count(*) FROM remote_actor WHERE iri = '" + actor + "'");
    }

    /** Mallory's actor document, served instead of the real one, also claiming {@code victim}'s key as hers. */
    private static void claimKeyOf(FakeRemote mallorysHost, Actor mallory, Actor victim) {
        ObjectNode doc = mallory.document();
        ObjectNode own = (ObjectNode) doc.remove("publicKey");
        var keys = doc.putArray("publicKey");
        keys.add(own);
        keys.addObject().put("id", victim.keyId()).put("owner", mallory.id().toString())
                .put("publicKeyPem", victim.document().path("publicKey").path("publicKeyPem").asText());
        mallorysHost.serve("/users/" + mallory.name(), doc);
    }

    @Test
    @DisplayName("Mallory's document claims the victim's key (other host): the victim's activities are still accepted")
    void keyOfAnotherHostCannotBeClaimed() {
        Actor victim = victims.actor("victim");
        Actor mallory = attackers.actor("mallory");
        claimKeyOf(attackers, mallory, victim);
        assertAccepted(attackers.post(sharedInbox(), attackers.createNote(mallory, "my document lists your key")).send());
        assertAccepted(victims.post(sharedInbox(), victims.createNote(victim, "still mine")).send());
        assertAccepted(attackers.post(sharedInbox(), attackers.createNote(mallory, "and once more")).send());
        assertAccepted(victims.post(sharedInbox(), victims.createNote(victim, "still mine after her refresh")).send());
        assertEquals(0, node.count("SELECT count(*) FROM remote_key WHERE owner = '" + mallory.id() + "' AND key_id = '"
                + victim.keyId() + "'"), "no row gives the victim's key to Mallory");
    }

    @Test
    @DisplayName("an actor on the same host claims a neighbour's key, before and after the neighbour was cached: ignored")
    void keyOfANeighbourCannotBeClaimed() {
        Actor victim = victims.actor("neighbour");
        Actor mallory = victims.actor("mallory-next-door");
        assertAccepted(victims.post(sharedInbox(), victims.createNote(victim, "cached first")).send());
        claimKeyOf(victims, mallory, victim);
        assertAccepted(victims.post(sharedInbox(), victims.createNote(mallory, "your key is in my document")).send());
        assertAccepted(victims.post(sharedInbox(), victims.createNote(victim, "still mine")).send());
        assertEquals(1, node.count("SELECT count(*) FROM remote_key WHERE key_id = '" + victim.keyId() + "' AND owner = '"
                + victim.id() + "'"));
    }

    @Test
    @DisplayName("a key document under the actor whose actor does not list it → 401, nothing cached")
    void keyDocumentNotListedByItsOwner() {
        Actor owner = attackers.actor("owner");
        String keyId = owner.id() + "/extra-key";
        Actor stranger = attackers.actor("stranger-key-holder");
        attackers.serve("/users/owner/extra-key", keyDocument(keyId, owner.id(), stranger));
        Response r = attackers.post(sharedInbox(), attackers.createNote(owner, "signed with a key my document does not list"))
                .by(stranger).keyId(keyId).send();
        assertRejected(node, before, r, 401, "signature");
        assertEquals(0, keyRows(keyId));
        assertEquals(0, actorRows(owner.id()), "the owner's document was only read, not cached");
    }

    @Test
    @DisplayName("a key outside its owner's IRI (/keys/1), though owner and key document agree → 401")
    void keyOutsideItsOwner() {
        Actor owner = attackers.actor("pathowner");
        String keyId = attackers.base() + "/keys/1";
        ObjectNode doc = owner.document();
        ((ObjectNode) doc.get("publicKey")).put("id", keyId);
        attackers.serve("/users/pathowner", doc);
        attackers.serve("/keys/1", keyDocument(keyId, owner.id(), owner));
        Response r = attackers.post(sharedInbox(), attackers.createNote(owner, "key outside my IRI")).keyId(keyId).send();
        assertRejected(node, before, r, 401, "signature");
        assertEquals(0, keyRows(keyId));
    }

    @Test
    @DisplayName("GoToSocial style: key at <actor>/main-key served as a stub, listed by the actor → accepted")
    void keyDocumentUnderItsActor() {
        Actor gts = victims.actor("gts");
        String keyId = gts.id() + "/main-key";
        ObjectNode doc = gts.document();
        ((ObjectNode) doc.get("publicKey")).put("id", keyId);
        victims.serve("/users/gts", doc);
        ObjectNode stub = doc.objectNode().put("id", gts.id().toString()).put("type", "Person");
        stub.set("publicKey", doc.get("publicKey").deepCopy());
        victims.serve("/users/gts/main-key", stub);
        assertAccepted(victims.post(sharedInbox(), victims.createNote(gts, "key on its own path")).keyId(keyId).send());
        assertEquals(1, node.count("SELECT count(*) FROM remote_key WHERE key_id = '" + keyId + "' AND owner = '" + gts.id() + "'"));
    }

    @Test
    @DisplayName("a keyId on this node's own host → 401, never fetched over HTTP, no remote_actor or remote_key row")
    void keyOnOurOwnHost() {
        Actor alice = victims.actor("alice");
        long actors = node.count("SELECT count(*) FROM remote_actor");
        long keys = node.count("SELECT count(*) FROM remote_key");
        for (String keyId : new String[]{node.url() + "/actors/musterstadt#main-key", node.url() + "/actor#main-key",
                node.url() + "/actors/nobody#main-key"}) {
            Response r = victims.post(sharedInbox(), victims.createNote(alice, "signed with a key of the node itself")).keyId(keyId).send();
            assertRejected(node, before, r, 401, "signature");
        }
        assertEquals(actors, node.count("SELECT count(*) FROM remote_actor"));
        assertEquals(keys, node.count("SELECT count(*) FROM remote_key"));
        assertEquals(0, node.count("SELECT count(*) FROM remote_actor WHERE iri LIKE '" + node.url() + "%'"));
    }

    @Test
    @DisplayName("a signature that verifies on a refused activity (403: the signer is not its actor) stores nothing of the signer")
    void verifiedButRefusedWritesNoRows() {
        Actor erin = attackers.actor("erin");
        Actor victim = victims.actor("frank");
        for (Response r : List.of(attackers.post(sharedInbox(), victims.createNote(victim, "erin's words")).by(erin).send(),
                attackers.post(sharedInbox(), victims.createNote(victim, "erin's words")).by(erin).rfc9421Ed25519().send())) {
            assertRejected(node, before, r, 403, "actor");
        }
        assertEquals(0, actorRows(erin.id()), "no remote_actor row from a refused request");
        assertEquals(0, keyRows(erin.keyId()) + keyRows(erin.ed25519KeyId()), "no remote_key row from a refused request");
        assertEquals(0, node.count("SELECT count(*) FROM host_status WHERE host = '" + attackers.base().getRawAuthority() + "'"),
                "nothing learnt about the signer's host either");
        assertAccepted(attackers.post(sharedInbox(), attackers.createNote(erin, "my own words")).send());
        assertEquals(1, actorRows(erin.id()));
    }

    @Test
    @DisplayName("a refused signature caches nothing; the actor's next good signature is checked without another fetch")
    void refusedSignatureWritesNoRows() {
        Actor dave = victims.actor("dave");
        Response forged = victims.post(sharedInbox(), victims.createNote(dave, "not dave's key"))
                .signWith(FakeRemote.strangerRsaKey()).send();
        assertRejected(node, before, forged, 401, "signature");
        assertEquals(0, actorRows(dave.id()), "no remote_actor row from a refused request");
        assertEquals(0, keyRows(dave.keyId()), "no remote_key row from a refused request");
        assertAccepted(victims.post(sharedInbox(), victims.createNote(dave, "my own key")).send());
        assertEquals(1, victims.fetches("/users/dave"), "the fetched document was kept in memory");
        assertEquals(1, actorRows(dave.id()));
        assertEquals(1, keyRows(dave.keyId()));
    }

    @Test
    @DisplayName("failures with a cached key refetch at most once a minute; a rotated key is picked up by that refetch")
    void refetchIsThrottled() {
        Actor erin = victims.actor("erin");
        assertAccepted(victims.post(sharedInbox(), victims.createNote(erin, "first")).send());
        int fetched = victims.fetches("/users/erin");
        for (int i = 0; i < 5; i++) {
            Response r = victims.post(sharedInbox(), victims.createNote(erin, "forged " + i)).signWith(FakeRemote.strangerRsaKey()).send();
            assertEquals(401, r.status(), r::toString);
        }
        assertEquals(fetched + 1, victims.fetches("/users/erin"), "one refetch for five failures");
    }

    @Test
    @DisplayName("after Delete(Person) the actor's key verifies nothing, though it was cached in memory")
    void deletedActorOwnsNoKey() {
        Actor gone = victims.actor("gone");
        assertAccepted(victims.post(sharedInbox(), victims.createNote(gone, "still here")).send());
        ObjectNode delete = victims.activity(gone, "Delete");
        delete.put("object", gone.id().toString());
        gone.published(false);
        assertAccepted(victims.post(sharedInbox(), delete).send());
        awaitQuiet(node);
        assertEquals(0, actorRows(gone.id()));
        Rows now = Rows.of(node);
        assertRejected(node, now, victims.post(sharedInbox(), victims.createNote(gone, "back from the dead")).send(), 401, "signature");
    }

    private static ObjectNode keyDocument(String keyId, URI owner, Actor keyHolder) {
        ObjectNode key = keyHolder.document().objectNode();
        key.put("@context", "https://w3id.org/security/v1");
        key.put("id", keyId).put("type", "Key").put("owner", owner.toString())
                .put("publicKeyPem", keyHolder.document().path("publicKey").path("publicKeyPem").asText());
        return key;
    }
}
