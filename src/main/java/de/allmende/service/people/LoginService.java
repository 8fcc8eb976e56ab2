package de.allmende.service.people;

import de.allmende.db.Database;
import de.allmende.domain.people.LoginResult;
import de.allmende.domain.people.Lockout;
import de.allmende.domain.people.Person;
import de.allmende.store.people.LoginThrottleStore;
import de.allmende.store.people.PersonStore;
import de.allmende.store.people.SecretStore;
import de.allmende.support.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Logging in with username or e-mail and password, and the sessions that follow. Failures are counted in
 * PostgreSQL per account and per client address ({@link LoginPolicy}), so every node process enforces the
 * same lockout and a restart forgets nothing. A locked login is refused before its password is checked.
 */
public final class LoginService {
    private final Database db;
    private final PersonStore people = new PersonStore();
    private final SecretStore secrets = new SecretStore();
    private final LoginThrottleStore throttle = new LoginThrottleStore();
    private final Passwords passwords;
    private final LoginPolicy policy;
    private final Clock clock;

    public LoginService(Database db, Passwords passwords, LoginPolicy policy, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    public LoginResult login(String login, String password, String clientAddress) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        String accountKey = "account:" + name;
        String addressKey = "address:" + clientAddress;
        Instant now = clock.instant();
        Optional<Lockout> locked = lockout(accountKey, addressKey, now);
        if (locked.isPresent()) return new LoginResult.LockedOut(locked.get());

        Optional<Person> person = name.isEmpty() ? Optional.empty() : people.findByLogin(db.dsl(), name);
        Optional<String> hash = person.filter(p -> !p.isDisabled()).flatMap(p -> people.passwordHash(db.dsl(), p.id()));
        String given = password == null ? "" : password;
        boolean ok = hash.isPresent() ? passwords.matches(given, hash.get()) : decoy(given);
        if (!ok) return fail(accountKey, addressKey, now);

        String session = Secrets.random("");
        db.dsl().transaction(cfg -> {
            throttle.clear(cfg.dsl(), accountKey);
            secrets.insertSession(cfg.dsl(), Secrets.sha256(session), person.get().id(), now.plus(policy.sessionLifetime()));
        });
        return new LoginResult.Success(person.get(), session);
    }

    /** The person of a live session; a disabled person's sessions are gone already, but checked again. */
    public Optional<Person> sessionPerson(String sessionSecret) {
        if (sessionSecret == null || sessionSecret.isEmpty() || sessionSecret.length() > 100) return Optional.empty();
        return secrets.sessionPerson(db.dsl(), Secrets.sha256(sessionSecret), clock.instant())
                .flatMap(id -> people.findById(db.dsl(), id)).filter(p -> !p.isDisabled());
    }

    /** How long a session lasts (the browser's cookie lasts as long). */
    public java.time.Duration sessionLifetime() {
        return policy.sessionLifetime();
    }

    public void logout(String sessionSecret) {
        if (sessionSecret != null) secrets.deleteSession(db.dsl(), Secrets.sha256(sessionSecret));
    }

    /** Forgets expired sessions, one-time links and codes, and failure counters that no longer count. */
    public int removeExpired() {
        Instant now = clock.instant();
        return secrets.deleteExpired(db.dsl(), now) + throttle.deleteStale(db.dsl(), now, policy.window());
    }

    private boolean decoy(String password) {
        passwords.checkNothing(password);
        return false;
    }

    private LoginResult fail(String accountKey, String addressKey, Instant now) {
        Optional<Instant> account = throttle.recordFailure(db.dsl(), accountKey, now, policy.window(), policy.accountFailures(), policy.lockout());
        Optional<Instant> address = throttle.recordFailure(db.dsl(), addressKey, now, policy.window(), policy.addressFailures(), policy.lockout());
        if (account.isPresent()) return new LoginResult.LockedOut(new Lockout(Lockout.Subject.ACCOUNT, account.get()));
        if (address.isPresent()) return new LoginResult.LockedOut(new Lockout(Lockout.Subject.ADDRESS, address.get()));
        return new LoginResult.Refused();
    }

    private Optional<Lockout> lockout(String accountKey, String addressKey, Instant now) {
        Optional<Lockout> account = throttle.lockedUntil(db.dsl(), accountKey, now).map(t -> new Lockout(Lockout.Subject.ACCOUNT, t));
        return account.or(() -> throttle.lockedUntil(db.dsl(), addressKey, now).map(t -> new Lockout(Lockout.Subject.ADDRESS, t)));
    }
}
