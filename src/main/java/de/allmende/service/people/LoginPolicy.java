package de.allmende.service.people;

import java.time.Duration;

/**
 * How many failed logins lock what, and for how long. Per account, so nobody can guess one person's
 * password from many addresses; per address, so nobody can try one password on many accounts. An
 * address allows more failures: several staff may share an office's address.
 */
public record LoginPolicy(int accountFailures, int addressFailures, Duration window, Duration lockout, Duration sessionLifetime) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(12));
}
