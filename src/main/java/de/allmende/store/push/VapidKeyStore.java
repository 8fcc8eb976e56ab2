package de.allmende.store.push;

import org.jooq.DSLContext;

import java.util.Optional;

import static de.allmende.db.Tables.VAPID_KEY;

/** The node's one VAPID key pair (V19). */
public final class VapidKeyStore {
    /** The public key as apps are given it (an uncompressed P-256 point) and the private scalar, sealed. */
    public record Stored(byte[] publicKey, byte[] sealedPrivateKey) {}

    public Optional<Stored> find(DSLContext tx) {
        return tx.select(VAPID_KEY.PUBLIC_KEY, VAPID_KEY.SEALED_PRIVATE_KEY).from(VAPID_KEY)
                .fetchOptional(r -> new Stored(r.value1(), r.value2()));
    }

    /** Stores the key pair unless another process stored one first (then that one counts). */
    public void insertIfAbsent(DSLContext tx, Stored key) {
        tx.insertInto(VAPID_KEY).set(VAPID_KEY.ID, (short) 1).set(VAPID_KEY.PUBLIC_KEY, key.publicKey())
                .set(VAPID_KEY.SEALED_PRIVATE_KEY, key.sealedPrivateKey()).onConflictDoNothing().execute();
    }
}
