package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.Record1;

import java.util.List;

import static de.allmende.db.Tables.ACTOR_BLOCK;
import static de.allmende.db.Tables.DOMAIN_ALLOW;
import static de.allmende.db.Tables.DOMAIN_BLOCK;

/** Domain blocks, actor blocks and the allowlist for closed networks. Domains are stored lower-case. */
public final class ModerationStore {

    public void blockDomain(DSLContext tx, String domain) {
        tx.insertInto(DOMAIN_BLOCK).set(DOMAIN_BLOCK.DOMAIN, domain.toLowerCase()).onConflictDoNothing().execute();
    }

    public void unblockDomain(DSLContext tx, String domain) {
        tx.deleteFrom(DOMAIN_BLOCK).where(DOMAIN_BLOCK.DOMAIN.eq(domain.toLowerCase())).execute();
    }

    public void allowDomain(DSLContext tx, String domain) {
        tx.insertInto(DOMAIN_ALLOW).set(DOMAIN_ALLOW.DOMAIN, domain.toLowerCase()).onConflictDoNothing().execute();
    }

    public void blockActor(DSLContext tx, String iri) {
        tx.insertInto(ACTOR_BLOCK).set(ACTOR_BLOCK.IRI, iri).onConflictDoNothing().execute();
    }

    public List<String> blockedDomains(DSLContext tx) {
        return tx.select(DOMAIN_BLOCK.DOMAIN).from(DOMAIN_BLOCK).fetch(Record1::value1);
    }

    public List<String> allowedDomains(DSLContext tx) {
        return tx.select(DOMAIN_ALLOW.DOMAIN).from(DOMAIN_ALLOW).fetch(Record1::value1);
    }

    public List<String> blockedActors(DSLContext tx) {
        return tx.select(ACTOR_BLOCK.IRI).from(ACTOR_BLOCK).fetch(Record1::value1);
    }

    public boolean isActorBlocked(DSLContext tx, String iri) {
        return tx.fetchExists(ACTOR_BLOCK, ACTOR_BLOCK.IRI.eq(iri));
    }
}
