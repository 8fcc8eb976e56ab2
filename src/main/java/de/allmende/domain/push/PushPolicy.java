package de.allmende.domain.push;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** From whom a subscription wants pushes (Mastodon's {@code data[policy]}): anyone, accounts followed, followers, nobody. */
public enum PushPolicy {
    ALL, FOLLOWED, FOLLOWER, NONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PushPolicy> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
