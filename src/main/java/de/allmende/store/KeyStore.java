package de.allmende.store;

import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyPurpose;
import de.allmende.db.tables.records.ActorKeyRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.ACTOR_KEY;
import static de.allmende.db.Tables.MASTER_KEY_CHECK;

import de.allmende.db.Changes;

/** Persistence of actor keys and of the master key check value. Every method takes the transaction to run in. */
public final class KeyStore {

    /** Inserts a new active key. */
    public void insert(DSLContext tx, long actorId, KeyPurpose purpose, String fragment, byte[] publicKey, byte[] encryptedKeyset) {
        Changes.announce(tx, Changes.ACTORS); // actor documents list the keys
        tx.insertInto(ACTOR_KEY)
                .set(ACTOR_KEY.ACTOR_ID, actorId)
                .set(ACTOR_KEY.PURPOSE, purpose.dbName())
                .set(ACTOR_KEY.ALGORITHM, purpose.algorithm().dbName())
                .set(ACTOR_KEY.FRAGMENT, fragment)
                .set(ACTOR_KEY.PUBLIC_KEY, publicKey)
                .set(ACTOR_KEY.ENCRYPTED_KEYSET, encryptedKeyset)
                .execute();
    }

    /** The key currently used for {@code purpose}. */
    public Optional<StoredKey> findActive(DSLContext tx, long actorId, KeyPurpose purpose) {
        return tx.selectFrom(ACTOR_KEY)
                .where(ACTOR_KEY.ACTOR_ID.eq(actorId), ACTOR_KEY.PURPOSE.eq(purpose.dbName()), ACTOR_KEY.RETIRED.isNull())
                .fetchOptional(KeyStore::toKey);
    }

    /** Active keys plus retired ones still inside their grace period, oldest first. */
    public List<StoredKey> findPublished(DSLContext tx, long actorId, Instant now) {
        return tx.selectFrom(ACTOR_KEY)
                .where(ACTOR_KEY.ACTOR_ID.eq(actorId),
                        ACTOR_KEY.RETIRED.isNull().or(ACTOR_KEY.VALID_UNTIL.gt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .orderBy(ACTOR_KEY.ID)
                .fetch(KeyStore::toKey);
    }

    public int countGenerations(DSLContext tx, long actorId, KeyPurpose purpose) {
        return tx.fetchCount(ACTOR_KEY, ACTOR_KEY.ACTOR_ID.eq(actorId).and(ACTOR_KEY.PURPOSE.eq(purpose.dbName())));
    }

    /** Retires the active key; it stays published (resolvable) until {@code validUntil}. */
    public void retireActive(DSLContext tx, long actorId, KeyPurpose purpose, Instant now, Instant validUntil) {
        Changes.announce(tx, Changes.ACTORS);
        tx.update(ACTOR_KEY)
                .set(ACTOR_KEY.RETIRED, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .set(ACTOR_KEY.VALID_UNTIL, OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC))
                .where(ACTOR_KEY.ACTOR_ID.eq(actorId), ACTOR_KEY.PURPOSE.eq(purpose.dbName()), ACTOR_KEY.RETIRED.isNull())
                .execute();
    }

    public Optional<byte[]> findMasterKeyCheck(DSLContext tx) {
        return tx.select(MASTER_KEY_CHECK.CIPHERTEXT).from(MASTER_KEY_CHECK).fetchOptional(MASTER_KEY_CHECK.CIPHERTEXT);
    }

    public void insertMasterKeyCheck(DSLContext tx, byte[] ciphertext) {
        tx.insertInto(MASTER_KEY_CHECK).set(MASTER_KEY_CHECK.ID, (short) 1).set(MASTER_KEY_CHECK.CIPHERTEXT, ciphertext)
                .onConflictDoNothing().execute();
    }

    public int countKeys(DSLContext tx) {
        return tx.fetchCount(ACTOR_KEY);
    }

    private static StoredKey toKey(ActorKeyRecord r) {
        return new StoredKey(r.getId(), r.getActorId(), KeyPurpose.fromDb(r.getPurpose()), KeyAlgorithm.fromDb(r.getAlgorithm()),
                r.getFragment(), r.getPublicKey(), r.getEncryptedKeyset(), r.getCreated().toInstant(),
                Optional.ofNullable(r.getRetired()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getValidUntil()).map(OffsetDateTime::toInstant));
    }
}
