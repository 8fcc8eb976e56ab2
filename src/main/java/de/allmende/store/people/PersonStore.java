package de.allmende.store.people;

import de.allmende.db.tables.records.PersonRecord;
import de.allmende.domain.LocalActor;
import de.allmende.domain.people.Membership;
import de.allmende.domain.people.Person;
import de.allmende.domain.people.Role;
import de.allmende.store.ActorStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.PERSON;
import static de.allmende.db.Tables.PERSON_ROLE;

/** People, their roles and password hashes. Every method takes its transaction. */
public final class PersonStore {
    private final ActorStore actors = new ActorStore();

    /** Stores a new person without a password; returns the id. */
    public long insert(DSLContext tx, String username, String email) {
        return tx.insertInto(PERSON).set(PERSON.USERNAME, username).set(PERSON.EMAIL, email)
                .returning(PERSON.ID).fetchSingle().getId();
    }

    /** Gives a person a role for a municipality, replacing any role they had there. */
    public void putRole(DSLContext tx, long personId, long actorId, Role role) {
        tx.insertInto(PERSON_ROLE).set(PERSON_ROLE.PERSON_ID, personId).set(PERSON_ROLE.ACTOR_ID, actorId)
                .set(PERSON_ROLE.ROLE, role.code())
                .onConflict(PERSON_ROLE.PERSON_ID, PERSON_ROLE.ACTOR_ID).doUpdate().set(PERSON_ROLE.ROLE, role.code())
                .execute();
    }

    public boolean usernameOrEmailTaken(DSLContext tx, String username, String email) {
        return tx.fetchExists(PERSON, PERSON.USERNAME.eq(username).or(DSL.lower(PERSON.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT))));
    }

    public Optional<Person> findById(DSLContext tx, long id) {
        return tx.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOptional(r -> toPerson(tx, r));
    }

    /** The person a login names: by username, or by e-mail address (case-insensitive). */
    public Optional<Person> findByLogin(DSLContext tx, String login) {
        String lower = login.toLowerCase(java.util.Locale.ROOT);
        return tx.selectFrom(PERSON).where(PERSON.USERNAME.eq(lower).or(DSL.lower(PERSON.EMAIL).eq(lower)))
                .orderBy(PERSON.ID).limit(1).fetchOptional(r -> toPerson(tx, r));
    }

    public List<Person> list(DSLContext tx) {
        return tx.selectFrom(PERSON).orderBy(PERSON.USERNAME).fetch(r -> toPerson(tx, r));
    }

    /** The stored Argon2id PHC string, if the person has chosen a password. */
    public Optional<String> passwordHash(DSLContext tx, long personId) {
        return Optional.ofNullable(tx.select(PERSON.PASSWORD_HASH).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.PASSWORD_HASH));
    }

    public void setPasswordHash(DSLContext tx, long personId, String phc) {
        tx.update(PERSON).set(PERSON.PASSWORD_HASH, phc).where(PERSON.ID.eq(personId)).execute();
    }

    /** Marks the person disabled; disabling twice keeps the first time. */
    public void disable(DSLContext tx, long personId, Instant now) {
        tx.update(PERSON).set(PERSON.DISABLED, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(PERSON.ID.eq(personId), PERSON.DISABLED.isNull()).execute();
    }

    private Person toPerson(DSLContext tx, PersonRecord r) {
        List<Membership> memberships = new ArrayList<>();
        for (var role : tx.selectFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(r.getId())).orderBy(PERSON_ROLE.ACTOR_ID).fetch()) {
            Optional<LocalActor> actor = actors.findById(tx, role.getActorId());
            actor.ifPresent(a -> memberships.add(new Membership(a, Role.byCode(role.getRole()).orElseThrow())));
        }
        return new Person(r.getId(), r.getUsername(), r.getEmail(), r.getPasswordHash() != null,
                Optional.ofNullable(r.getDisabled()).map(OffsetDateTime::toInstant), r.getCreated().toInstant(), memberships);
    }
}
