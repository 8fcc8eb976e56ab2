package de.allmende.federation.http;

import de.allmende.db.Database;
import org.jooq.impl.DSL;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static de.allmende.db.Tables.HOST_STATUS;

/**
 * Which HTTP signature scheme to sign with, per host, as double-knocking servers do (Fedify, Mastodon 4.5):
 * RFC 9421 for a host that signed to us with it or asked for it ({@code Accept-Signature}), draft-cavage for
 * a host that refused RFC 9421, and draft-cavage while nothing is known (what most servers take). Kept in
 * {@code host_status} so several processes and restarts share what was learnt; a copy in memory keeps the
 * inbox from writing on every request (it writes only when a host's scheme changes).
 */
public final class SignatureSchemes {
    public enum Scheme { CAVAGE, RFC9421 }

    private static final int MAX_CACHED = 50_000;

    private final Database db;
    private final Map<String, Optional<Scheme>> known = new ConcurrentHashMap<>();

    public SignatureSchemes(Database db) {
        this.db = db;
    }

    /** The scheme to try first for {@code host}. */
    public Scheme forHost(String host) {
        return lookup(host).orElse(Scheme.CAVAGE);
    }

    /** A request from {@code host} verified with {@code scheme}, or a delivery to it succeeded with it. */
    public void learnt(String host, Scheme scheme) {
        if (lookup(host).equals(Optional.of(scheme))) return;
        db.dsl().insertInto(HOST_STATUS).set(HOST_STATUS.HOST, host).set(HOST_STATUS.SIGNATURE_SCHEME, name(scheme))
                .onConflict(HOST_STATUS.HOST).doUpdate().set(HOST_STATUS.SIGNATURE_SCHEME, DSL.excluded(HOST_STATUS.SIGNATURE_SCHEME))
                .execute();
        if (known.size() > MAX_CACHED) known.clear();
        known.put(host, Optional.of(scheme));
    }

    private Optional<Scheme> lookup(String host) {
        Optional<Scheme> cached = known.get(host);
        if (cached != null) return cached;
        Optional<Scheme> stored = db.dsl().select(HOST_STATUS.SIGNATURE_SCHEME).from(HOST_STATUS).where(HOST_STATUS.HOST.eq(host))
                .fetchOptional(HOST_STATUS.SIGNATURE_SCHEME).flatMap(Optional::ofNullable)
                .map(s -> s.equals("rfc9421") ? Scheme.RFC9421 : Scheme.CAVAGE);
        if (known.size() > MAX_CACHED) known.clear();
        known.put(host, stored);
        return stored;
    }

    private static String name(Scheme s) {
        return s == Scheme.RFC9421 ? "rfc9421" : "cavage";
    }
}
