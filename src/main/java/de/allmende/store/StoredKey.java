package de.allmende.store;

import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyPurpose;

import java.time.Instant;
import java.util.Optional;

/** One row of actor_key. The keyset is encrypted; only {@code KeyVault} can open it. */
public record StoredKey(
        long id,
        long actorId,
        KeyPurpose purpose,
        KeyAlgorithm algorithm,
        String fragment,
        byte[] publicKey,
        byte[] encryptedKeyset,
        Instant created,
        Optional<Instant> retired,
        Optional<Instant> validUntil) {

    public boolean active() {
        return retired.isEmpty();
    }
}
