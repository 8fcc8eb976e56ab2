package de.allmende.store.people;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static de.allmende.db.Tables.LOGIN_SESSION;
import static de.allmende.db.Tables.PASSWORD_RESET;

/**
 * Sessions and one-time password links: both a hashed secret that names a person until it expires. A
 * session lives until it expires or the person logs out; a link is used once.
 */
public final class SecretStore {

    public void insertSession(DSLContext tx, byte[] secretHash, long personId, Instant expires) {
        tx.insertInto(LOGIN_SESSION).set(LOGIN_SESSION.SECRET_HASH, secretHash).set(LOGIN_SESSION.PERSON_ID, personId)
                .set(LOGIN_SESSION.EXPIRES, utc(expires)).execute();
    }

    /** The person of an unexpired session. */
    public Optional<Long> sessionPerson(DSLContext tx, byte[] secretHash, Instant now) {
        return tx.select(LOGIN_SESSION.PERSON_ID).from(LOGIN_SESSION)
                .where(LOGIN_SESSION.SECRET_HASH.eq(secretHash), LOGIN_SESSION.EXPIRES.gt(utc(now)))
                .fetchOptional(LOGIN_SESSION.PERSON_ID);
    }

    public void deleteSession(DSLContext tx, byte[] secretHash) {
        tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.SECRET_HASH.eq(secretHash)).execute();
    }

    /** Ends every session of a person (disabled, or a new password). */
    public void deleteSessions(DSLContext tx, long personId) {
        tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.PERSON_ID.eq(personId)).execute();
    }

    public void insertReset(DSLContext tx, byte[] secretHash, long personId, Instant expires) {
        tx.insertInto(PASSWORD_RESET).set(PASSWORD_RESET.SECRET_HASH, secretHash).set(PASSWORD_RESET.PERSON_ID, personId)
                .set(PASSWORD_RESET.EXPIRES, utc(expires)).execute();
    }

    /** The person of an unused, unexpired link. */
    public Optional<Long> resetPerson(DSLContext tx, byte[] secretHash, Instant now) {
        return tx.select(PASSWORD_RESET.PERSON_ID).from(PASSWORD_RESET)
                .where(PASSWORD_RESET.SECRET_HASH.eq(secretHash), PASSWORD_RESET.USED.isNull(), PASSWORD_RESET.EXPIRES.gt(utc(now)))
                .fetchOptional(PASSWORD_RESET.PERSON_ID);
    }

    /** Uses a link: true for the one caller that got it first, false if it was used, expired or unknown. */
    public boolean useReset(DSLContext tx, byte[] secretHash, Instant now) {
        return tx.update(PASSWORD_RESET).set(PASSWORD_RESET.USED, utc(now))
                .where(PASSWORD_RESET.SECRET_HASH.eq(secretHash), PASSWORD_RESET.USED.isNull(), PASSWORD_RESET.EXPIRES.gt(utc(now)))
                .execute() == 1;
    }

    /** Older links of a person stop working when a new one is made. */
    public void expireResets(DSLContext tx, long personId, Instant now) {
        tx.update(PASSWORD_RESET).set(PASSWORD_RESET.USED, utc(now))
                .where(PASSWORD_RESET.PERSON_ID.eq(personId), PASSWORD_RESET.USED.isNull()).execute();
    }

    /** Forgets expired sessions and links (used links too, once expired); returns how many rows went. */
    public int deleteExpired(DSLContext tx, Instant now) {
        return tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.EXPIRES.le(utc(now))).execute()
                + tx.deleteFrom(PASSWORD_RESET).where(PASSWORD_RESET.EXPIRES.le(utc(now))).execute()
                + tx.deleteFrom(de.allmende.db.Tables.OAUTH_CODE).where(de.allmende.db.Tables.OAUTH_CODE.EXPIRES.le(utc(now))).execute();
    }

    static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
