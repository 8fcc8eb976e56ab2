package de.allmende.domain;

import java.util.Optional;

/**
 * What a staff API token may do, named like Mastodon's granular scopes. A write scope does not imply
 * the read scope: a token gets exactly the scopes it was issued with.
 */
public enum Scope {
    READ_CONTENT("read:content"),
    WRITE_CONTENT("write:content"),
    WRITE_MEDIA("write:media");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** The name on the wire, in the database and on the command line. */
    public String code() {
        return code;
    }

    public static Optional<Scope> byCode(String code) {
        for (Scope s : values()) if (s.code.equals(code)) return Optional.of(s);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
