package de.allmende.service.people;

import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ValidationException;
import de.allmende.domain.people.Person;
import de.allmende.domain.people.PersonInput;
import de.allmende.store.ActorStore;
import de.allmende.store.oauth.OAuthTokenStore;
import de.allmende.store.people.PersonStore;
import de.allmende.store.people.SecretStore;
import de.allmende.support.Secrets;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * People: made, listed and disabled by the operator (CLI; later the staff web UI). Nobody ever sees a
 * password: a new person and a reset both get a one-time link, valid for {@link #LINK_LIFETIME}, on
 * which the person chooses one.
 */
public final class PersonService {
    public static final Duration LINK_LIFETIME = Duration.ofHours(48);

    private final Database db;
    private final PersonStore people;
    private final SecretStore secrets;
    private final ActorStore actors;
    private final OAuthTokenStore oauthTokens;
    private final Passwords passwords;
    private final Function<String, URI> passwordLink;
    private final Clock clock;

    /** @param passwordLink the page on which the holder of a one-time secret chooses a password */
    public PersonService(Database db, Passwords passwords, Function<String, URI> passwordLink, Clock clock) {
        this.db = db;
        this.people = new PersonStore();
        this.secrets = new SecretStore();
        this.actors = new ActorStore();
        this.oauthTokens = new OAuthTokenStore();
        this.passwords = passwords;
        this.passwordLink = passwordLink;
        this.clock = clock;
    }

    /** A new person with a role for a municipality, and the link on which they choose their password. */
    public record Created(Person person, URI passwordLink) {}

    public Created create(PersonInput input) {
        return db.dsl().transactionResult(cfg -> {
            var tx = cfg.dsl();
            LocalActor municipality = actors.findMunicipality(tx, input.municipalityHandle())
                    .orElseThrow(() -> invalid("municipality", "no municipality '" + input.municipalityHandle() + "' on this node"));
            if (people.usernameOrEmailTaken(tx, input.username(), input.email())) {
                throw invalid("username", "a person with this username or e-mail address exists");
            }
            long id = people.insert(tx, input.username(), input.email());
            people.putRole(tx, id, municipality.id(), input.role());
            return new Created(people.findById(tx, id).orElseThrow(), newLink(tx, id));
        });
    }

    public List<Person> list() {
        return people.list(db.dsl());
    }

    /** Disables a person: their sessions end and their apps' tokens are revoked at once. */
    public Person disable(String username) {
        return db.dsl().transactionResult(cfg -> {
            var tx = cfg.dsl();
            Person p = existing(tx, username);
            Instant now = clock.instant();
            people.disable(tx, p.id(), now);
            secrets.deleteSessions(tx, p.id());
            oauthTokens.revokeAllOf(tx, p.id(), now);
            return people.findById(tx, p.id()).orElseThrow();
        });
    }

    /** A new one-time link for the person; older ones stop working. The password stays until a new one is chosen. */
    public URI resetPassword(String username) {
        return db.dsl().transactionResult(cfg -> newLink(cfg.dsl(), existing(cfg.dsl(), username).id()));
    }

    /** The person a one-time link is for, while it is unused and unexpired. */
    public Optional<Person> linkHolder(String secret) {
        if (secret == null || secret.length() > 200) return Optional.empty();
        return secrets.resetPerson(db.dsl(), Secrets.sha256(secret), clock.instant())
                .flatMap(id -> people.findById(db.dsl(), id)).filter(p -> !p.isDisabled());
    }

    /**
     * Sets the password chosen on a one-time link and uses the link up; every session of the person ends.
     * Empty if the link was used, expired or unknown.
     */
    public Optional<Person> choosePassword(String secret, String password) {
        Passwords.requireAcceptable(password);
        Optional<Person> holder = linkHolder(secret);
        if (holder.isEmpty()) return Optional.empty();
        String phc = passwords.hash(password); // outside the transaction: it takes a while
        return db.dsl().transactionResult(cfg -> {
            var tx = cfg.dsl();
            if (!secrets.useReset(tx, Secrets.sha256(secret), clock.instant())) return Optional.<Person>empty();
            people.setPasswordHash(tx, holder.get().id(), phc);
            secrets.deleteSessions(tx, holder.get().id());
            return people.findById(tx, holder.get().id());
        });
    }

    private URI newLink(org.jooq.DSLContext tx, long personId) {
        Instant now = clock.instant();
        secrets.expireResets(tx, personId, now);
        String secret = Secrets.random("");
        secrets.insertReset(tx, Secrets.sha256(secret), personId, now.plus(LINK_LIFETIME));
        return passwordLink.apply(secret);
    }

    private Person existing(org.jooq.DSLContext tx, String username) {
        return people.findByLogin(tx, username == null ? "" : username.strip())
                .orElseThrow(() -> invalid("username", "no person '" + username + "'"));
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
