package de.allmende.domain.people;

/** The outcome of a login attempt. */
public sealed interface LoginResult {
    /** The person is who they said; a session was opened, its secret goes into the cookie. */
    record Success(Person person, String sessionSecret) implements LoginResult {}

    /** Wrong name or password, or a disabled person: the same answer for each, so it tells nothing. */
    record Refused() implements LoginResult {}

    record LockedOut(Lockout lockout) implements LoginResult {}
}
