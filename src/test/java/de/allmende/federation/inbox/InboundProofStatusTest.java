package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.store.FollowStore;
import de.allmende.testkit.TestAccounts;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import static de.allmende.federation.inbox.HostileInbox.awaitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Objects from other servers are stored with what their own FEP-8b32 proof says: verified with the
 * owner's assertionMethod key, invalid (altered, or someone else's key), or absent. A bad proof never
 * costs an otherwise valid activity. Objects boosted by an actor followed here are kept too, from the
 * boost if the author's proof vouches for the embedded copy, else fetched from their origin.
 */
@DisplayName("inbound objects keep their proof status")
class InboundProofStatusTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static Actor alice;
    private static Actor bob;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        alice = remote.actor("alice");
        bob = remote.actor("bob");
        // Musterstadt follows bob, so bob's boosts matter here.
        var musterstadt = TestAccounts.of(node, node.actorIri("musterstadt"));
        var bobsAccount = TestAccounts.of(node, bob.id());
        node.node().services().db.dsl().transaction(cfg -> new FollowStore().upsert(cfg.dsl(),
                musterstadt, bobsAccount, node.actorIri("musterstadt") + "#follows/bob", FollowStore.State.ACCEPTED));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("a note signed by its author is stored as verified, with the author's key")
    void signedByItsAuthor() {
        ObjectNode note = signed(remote.note(alice, "<p>Signiert</p>"), alice);
        deliver(remote.create(alice, note));
        assertEquals(Optional.of(ObjectProof.verified(alice.ed25519KeyId())), proofOf(note));
    }

    @Test
    @DisplayName("a note altered after signing is stored, as invalid")
    void alteredAfterSigning() {
        ObjectNode note = signed(remote.note(alice, "<p>Original</p>"), alice);
        note.put("content", "<p>Verändert</p>");
        deliver(remote.create(alice, note));
        assertEquals(Optional.of(ObjectProof.invalid(alice.ed25519KeyId())), proofOf(note));
    }

    @Test
    @DisplayName("a note signed with another actor's key is stored, as invalid")
    void signedWithAForeignKey() {
        ObjectNode note = signed(remote.note(alice, "<p>Fremder Schlüssel</p>"), bob);
        deliver(remote.create(alice, note));
        assertEquals(Optional.of(ObjectProof.invalid(bob.ed25519KeyId())), proofOf(note));
    }

    @Test
    @DisplayName("an unsigned note is stored as absent; an Update is checked on its own")
    void unsignedAndUpdated() {
        ObjectNode note = remote.note(alice, "<p>Ohne Beweis</p>");
        deliver(remote.create(alice, note));
        assertEquals(Optional.of(ObjectProof.absent()), proofOf(note));

        ObjectNode edited = note.deepCopy().put("content", "<p>Jetzt signiert</p>");
        ObjectNode update = remote.activity(alice, "Update");
        update.set("object", signed(edited, alice));
        deliver(update);
        assertEquals(Optional.of(ObjectProof.verified(alice.ed25519KeyId())), proofOf(note));
    }

    @Test
    @DisplayName("a followed actor's boost embedding a signed note: kept from the boost, nothing fetched")
    void boostEmbeddingASignedNote() {
        ObjectNode note = signed(remote.note(alice, "<p>Weitergereicht</p>"), alice);
        deliver(announce(bob, note));
        assertEquals(Optional.of(ObjectProof.verified(alice.ed25519KeyId())), proofOf(note));
        assertEquals(0, remote.fetches(URI.create(note.get("id").asText()).getRawPath()));
    }

    @Test
    @DisplayName("a boost embedding an altered copy: the original is fetched from its origin instead")
    void boostEmbeddingAnAlteredCopy() {
        ObjectNode original = signed(remote.note(alice, "<p>Echt</p>"), alice);
        remote.serve(URI.create(original.get("id").asText()).getRawPath(), original);
        ObjectNode altered = original.deepCopy().put("content", "<p>Gefälscht</p>");
        deliver(announce(bob, altered));
        assertEquals(Optional.of(ObjectProof.verified(alice.ed25519KeyId())), proofOf(original));
        assertEquals("<p>Echt</p>", stored(original).raw().path("content").asText());
    }

    @Test
    @DisplayName("a boost by reference: the note is fetched; unsigned there, it is absent")
    void boostByReference() {
        ObjectNode note = remote.note(alice, "<p>Nur verlinkt</p>");
        remote.serve(URI.create(note.get("id").asText()).getRawPath(), note);
        deliver(announce(bob, note.get("id").asText()));
        assertEquals(Optional.of(ObjectProof.absent()), proofOf(note));
    }

    @Test
    @DisplayName("a boost by an actor nobody here follows is only counted")
    void boostNobodyFollows() {
        ObjectNode note = signed(remote.note(alice, "<p>Ungefolgt</p>"), alice);
        String path = URI.create(note.get("id").asText()).getRawPath();
        remote.serve(path, note);
        deliver(announce(remote.actor("carol"), note.get("id").asText()));
        assertEquals(1, node.count("SELECT count(*) FROM reaction WHERE kind = 'announce' AND object_iri = '" + note.get("id").asText() + "'"));
        assertEquals(0, node.count("SELECT count(*) FROM ap_object WHERE iri = '" + note.get("id").asText() + "'"));
        assertEquals(0, remote.fetches(path));
    }

    // ------------------------------------------------------------------ helpers

    /** The note with a @context (as FEP-8b32 expects) and a proof made with {@code signer}'s Ed25519 key. */
    private static ObjectNode signed(ObjectNode note, Actor signer) {
        note.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/data-integrity/v1");
        return DataIntegrityProof.sign(note, signer.ed25519KeyId(), signer.ed25519Keyset(), Instant.now());
    }

    private static ObjectNode announce(Actor booster, Object object) {
        ObjectNode a = remote.activity(booster, "Announce");
        if (object instanceof ObjectNode embedded) a.set("object", embedded);
        else a.put("object", object.toString());
        a.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        return a;
    }

    private static void deliver(ObjectNode activity) {
        var r = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, r.status(), r::toString);
        awaitQuiet(node);
        assertEquals(0, node.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL"), "every activity applied");
    }

    private static ObjectStore.StoredObject stored(ObjectNode object) {
        return node.node().services().db.dsl().transactionResult(cfg -> new ObjectStore().find(cfg.dsl(), object.get("id").asText()))
                .orElseThrow(() -> new AssertionError("not stored: " + object.get("id")));
    }

    private static Optional<ObjectProof> proofOf(ObjectNode object) {
        return stored(object).proof();
    }
}
