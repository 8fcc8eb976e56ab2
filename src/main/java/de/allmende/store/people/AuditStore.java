package de.allmende.store.people;

import de.allmende.domain.people.AuditEntry;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.AUDIT_ENTRY;
import static de.allmende.db.Tables.PERSON;

/** The audit trail of municipal content: who changed what, when. */
public final class AuditStore {

    public void insert(DSLContext tx, long actorId, Optional<Long> personId, String credential, String action,
                       String targetKind, String targetId) {
        tx.insertInto(AUDIT_ENTRY).set(AUDIT_ENTRY.ACTOR_ID, actorId).set(AUDIT_ENTRY.PERSON_ID, personId.orElse(null))
                .set(AUDIT_ENTRY.CREDENTIAL, credential).set(AUDIT_ENTRY.ACTION, action)
                .set(AUDIT_ENTRY.TARGET_KIND, targetKind).set(AUDIT_ENTRY.TARGET_ID, targetId).execute();
    }

    /** A municipality's entries, newest first. */
    public List<AuditEntry> list(DSLContext tx, long actorId, int limit) {
        return tx.select(AUDIT_ENTRY.asterisk(), PERSON.USERNAME).from(AUDIT_ENTRY)
                .leftJoin(PERSON).on(PERSON.ID.eq(AUDIT_ENTRY.PERSON_ID))
                .where(AUDIT_ENTRY.ACTOR_ID.eq(actorId)).orderBy(AUDIT_ENTRY.ID.desc()).limit(limit)
                .fetch(r -> new AuditEntry(r.get(AUDIT_ENTRY.ID), r.get(AUDIT_ENTRY.ACTOR_ID), Optional.ofNullable(r.get(PERSON.USERNAME)),
                        r.get(AUDIT_ENTRY.CREDENTIAL), r.get(AUDIT_ENTRY.ACTION), r.get(AUDIT_ENTRY.TARGET_KIND),
                        r.get(AUDIT_ENTRY.TARGET_ID), r.get(AUDIT_ENTRY.AT).toInstant()));
    }
}
