package de.allmende.store.people;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static de.allmende.db.Tables.LOGIN_THROTTLE;
import static de.allmende.store.people.SecretStore.utc;

/**
 * Failed-login counters in PostgreSQL, so every node process counts the same failures. One upsert per
 * failure: concurrent failures on several processes all count.
 */
public final class LoginThrottleStore {

    /** Until when logins for {@code key} are refused, if they are. */
    public Optional<Instant> lockedUntil(DSLContext tx, String key, Instant now) {
        return tx.select(LOGIN_THROTTLE.LOCKED_UNTIL).from(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.KEY.eq(key), LOGIN_THROTTLE.LOCKED_UNTIL.gt(utc(now)))
                .fetchOptional(LOGIN_THROTTLE.LOCKED_UNTIL).map(OffsetDateTime::toInstant);
    }

    /**
     * Counts a failure in the current window (a new window once the old one is over) and locks {@code key}
     * for {@code lockFor} when the count reaches {@code limit}. Returns the lock, if this failure set one.
     */
    public Optional<Instant> recordFailure(DSLContext tx, String key, Instant now, Duration window, int limit, Duration lockFor) {
        OffsetDateTime t = utc(now);
        OffsetDateTime windowOver = utc(now.minus(window));
        var newWindow = LOGIN_THROTTLE.WINDOW_START.lt(windowOver);
        var failures = DSL.when(newWindow, DSL.inline(1)).otherwise(LOGIN_THROTTLE.FAILURES.plus(1));
        tx.insertInto(LOGIN_THROTTLE).set(LOGIN_THROTTLE.KEY, key).set(LOGIN_THROTTLE.FAILURES, 1).set(LOGIN_THROTTLE.WINDOW_START, t)
                .onConflict(LOGIN_THROTTLE.KEY).doUpdate()
                .set(LOGIN_THROTTLE.WINDOW_START, DSL.when(newWindow, DSL.val(t)).otherwise(LOGIN_THROTTLE.WINDOW_START))
                .set(LOGIN_THROTTLE.FAILURES, failures)
                .execute();
        return Optional.ofNullable(tx.update(LOGIN_THROTTLE).set(LOGIN_THROTTLE.LOCKED_UNTIL, utc(now.plus(lockFor)))
                        .set(LOGIN_THROTTLE.FAILURES, 0)
                        .where(LOGIN_THROTTLE.KEY.eq(key), LOGIN_THROTTLE.FAILURES.ge(limit))
                        .returning(LOGIN_THROTTLE.LOCKED_UNTIL).fetchOne())
                .map(r -> r.getLockedUntil().toInstant());
    }

    /** Forgets counters whose window and lock are both over. */
    public int deleteStale(DSLContext tx, Instant now, Duration window) {
        return tx.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.WINDOW_START.lt(utc(now.minus(window))),
                LOGIN_THROTTLE.LOCKED_UNTIL.isNull().or(LOGIN_THROTTLE.LOCKED_UNTIL.lt(utc(now)))).execute();
    }

    /** A successful login forgets the account's failures. */
    public void clear(DSLContext tx, String key) {
        tx.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.KEY.eq(key)).execute();
    }
}
