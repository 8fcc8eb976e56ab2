package de.allmende.store;

import de.allmende.domain.AccountRef;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

import static de.allmende.db.Tables.ACCOUNT;
import static de.allmende.db.Tables.ACTOR;

/**
 * Accounts by what names them where they enter: a local actor by its row id (its IRI derives from the public
 * URL, so the account row has none), a remote actor by its IRI. Every actor has its account (migration V8).
 */
public final class AccountStore {
    /** The account of a local actor, named by {@code iri} (the caller knows the route table). */
    public AccountRef local(DSLContext tx, long actorId, URI iri) {
        return new AccountRef(localId(tx, actorId).orElseThrow(() -> new IllegalStateException("no account of actor " + actorId)), iri);
    }

    /** The account id of a local actor; empty once the actor is gone. */
    public Optional<Long> localId(DSLContext tx, long actorId) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.LOCAL_ACTOR_ID.eq(actorId)).fetchOptional(ACCOUNT.ID);
    }

    /** The account of the local actor with this handle, named by {@code iri}. */
    public Optional<AccountRef> localByHandle(DSLContext tx, String handle, URI iri) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT).join(ACTOR).on(ACTOR.ID.eq(ACCOUNT.LOCAL_ACTOR_ID)).where(ACTOR.HANDLE.eq(handle))
                .fetchOptional(r -> new AccountRef(r.value1(), iri));
    }

    /** The account of a remote actor we have stored, by its IRI. */
    public Optional<AccountRef> remote(DSLContext tx, URI iri) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.IRI.eq(iri.toString()))
                .fetchOptional(r -> new AccountRef(r.value1(), iri));
    }
}
