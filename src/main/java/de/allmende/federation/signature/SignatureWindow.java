package de.allmende.federation.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The time window in which a signature is accepted.
 *
 * <p>The defaults follow Mastodon, since that is what most of the fediverse interoperates
 * with: a signature counts as created at its {@code created} parameter or Date header; it expires
 * at {@code expires} or, when absent, five minutes after creation (capped at twelve hours); and
 * both bounds get one hour of slack for clock skew and queue delays. A Date 65 minutes old is
 * thus still accepted, one 70 minutes old is not.
 *
 * @param clockSkew tolerance in both directions (future creation, past expiry)
 * @param defaultLifetime lifetime assumed when the signer gave no expiry
 * @param maxLifetime upper bound for a signer-chosen expiry, so "expires in a year" is not honoured
 */
public record SignatureWindow(Duration clockSkew, Duration defaultLifetime, Duration maxLifetime) {

    /** Mastodon-compatible window: 1 h skew, 5 min default lifetime, 12 h cap. */
    public static final SignatureWindow MASTODON =
            new SignatureWindow(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(12));

    public SignatureWindow {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (clockSkew.isNegative() || defaultLifetime.isNegative() || maxLifetime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /**
     * Rejects signatures created too far in the future or expired too long ago.
     *
     * @param created when the signature claims to be made
     * @param expires the signer's expiry, if any
     * @param now the verifier's clock
     * @throws SignatureException with outcome EXPIRED when outside the window
     */
    public void check(Instant created, Optional<Instant> expires, Instant now) throws SignatureException {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(now, "now");
        if (created.isAfter(now.plus(clockSkew))) {
            throw SignatureException.expired("signature created in the future");
        }
        Instant expiry = expires.orElse(created.plus(defaultLifetime));
        Instant cap = created.plus(maxLifetime);
        if (expiry.isAfter(cap)) {
            expiry = cap;
        }
        if (now.isAfter(expiry.plus(clockSkew))) {
            throw SignatureException.expired("signature expired");
        }
    }
}
