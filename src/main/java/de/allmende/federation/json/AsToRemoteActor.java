package de.allmende.federation.json;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.crypto.Multikey;
import de.allmende.crypto.Pem;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.RemoteActor.RemoteKey;
import de.allmende.federation.iri.KeyOwnership;

import java.net.URI;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ActivityStreams actor document (any server) → {@link RemoteActor}. Accepts the variations seen in
 * the wild: publicKey as object or array, sharedInbox under endpoints or top level, type as string or
 * array, keys as FEP-521a Multikeys in assertionMethod. Only keys under the actor's own IRI are taken
 * ({@link KeyOwnership}): a document cannot claim another actor's key.
 */
public final class AsToRemoteActor {
    public static final Set<String> ACTOR_TYPES = Set.of("Application", "Group", "Organization", "Person", "Service");

    private AsToRemoteActor() {}

    public static Optional<RemoteActor> convert(JsonNode doc) {
        if (doc == null || !doc.isObject()) return Optional.empty();
        String type = Json.firstType(doc).orElse("");
        Optional<URI> id = Json.uri(doc.get("id"));
        Optional<URI> inbox = Json.uri(doc.get("inbox"));
        if (!ACTOR_TYPES.contains(type) || id.isEmpty() || inbox.isEmpty()) return Optional.empty();
        Optional<URI> shared = Json.uri(doc.path("endpoints").get("sharedInbox")).or(() -> Json.uri(doc.get("sharedInbox")));
        return Optional.of(new RemoteActor(id.get(), type, Json.text(doc.get("preferredUsername")), Json.text(doc.get("name")),
                inbox.get(), shared, Json.uri(doc.get("followers")), keys(doc, id.get())));
    }

    private static List<RemoteKey> keys(JsonNode doc, URI actor) {
        List<RemoteKey> keys = new ArrayList<>();
        for (JsonNode k : Json.each(doc.get("publicKey"))) {
            Optional<String> kid = Json.text(k.get("id"));
            Optional<String> pem = Json.text(k.get("publicKeyPem"));
            URI owner = Json.uri(k.get("owner")).orElse(actor);
            // A key the actor is not the owner of, or that is not under its IRI, is someone else's (issue 8 #3).
            if (kid.isEmpty() || pem.isEmpty() || !owner.equals(actor) || !KeyOwnership.isUnder(actor, kid.get())) continue;
            try {
                PublicKey pk = Pem.decodePublicKey(pem.get());
                keys.add(new RemoteKey(kid.get(), owner, pk.getAlgorithm().equals("RSA") ? "rsa" : "ed25519", pk.getEncoded()));
            } catch (RuntimeException | java.security.GeneralSecurityException e) {
                // an unusable key is skipped, not fatal: other keys may still verify
            }
        }
        keys.addAll(assertionKeys(doc, actor));
        return keys;
    }

    /** The FEP-521a Multikeys in {@code assertionMethod} that {@code actor} controls (the keys FEP-8b32 proofs may use). */
    public static List<RemoteKey> assertionKeys(JsonNode doc, URI actor) {
        List<RemoteKey> keys = new ArrayList<>();
        for (JsonNode k : Json.each(doc.get("assertionMethod"))) {
            Optional<String> kid = Json.text(k.get("id"));
            Optional<String> mb = Json.text(k.get("publicKeyMultibase"));
            URI controller = Json.uri(k.get("controller")).orElse(actor);
            if (kid.isEmpty() || mb.isEmpty() || !controller.equals(actor) || !KeyOwnership.isUnder(actor, kid.get())) continue;
            try {
                keys.add(switch (Multikey.codecOf(mb.get())) {
                    case ED25519_PUBLIC -> new RemoteKey(kid.get(), actor, "ed25519", ed25519Spki(Multikey.decodeEd25519PublicKey(mb.get())));
                    case RSA_PUBLIC -> new RemoteKey(kid.get(), actor, "rsa", Multikey.decodeRsaPublicKey(mb.get()).getEncoded());
                    default -> throw new IllegalArgumentException("not a public key");
                });
            } catch (RuntimeException e) {
                // skip unusable keys
            }
        }
        return keys;
    }

    /** X.509 SPKI of a raw Ed25519 key: the fixed 12-byte prefix plus the key. */
    public static byte[] ed25519Spki(byte[] raw) {
        byte[] prefix = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] out = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }
}
