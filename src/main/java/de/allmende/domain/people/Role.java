package de.allmende.domain.people;

import java.util.Locale;
import java.util.Optional;

/** What a person may do for a municipality. Admins will manage the municipality's people in the staff web UI. */
public enum Role {
    ADMIN, EDITOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> byCode(String code) {
        for (Role r : values()) if (r.code().equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
