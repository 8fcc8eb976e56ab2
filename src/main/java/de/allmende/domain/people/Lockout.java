package de.allmende.domain.people;

import java.time.Instant;

/**
 * Logins refused until {@code until}: too many failures for an account or from one client address. The
 * page says which and until when; it never says whether the account exists.
 */
public record Lockout(Subject subject, Instant until) {
    public enum Subject { ACCOUNT, ADDRESS }
}
