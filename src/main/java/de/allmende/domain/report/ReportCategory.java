package de.allmende.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an account was reported, as Mastodon names the reasons (its Report entity's {@code category}). */
public enum ReportCategory {
    SPAM, LEGAL, VIOLATION, OTHER;

    /** The name in the API and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportCategory> byWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(name)).findFirst();
    }
}
