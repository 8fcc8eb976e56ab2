package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.event.Blocked;
import de.allmende.store.EventStore;
import de.allmende.store.ModerationStore;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Domain blocks, actor blocks and (for closed networks) an allowlist. Inbound activities from a
 * blocked or non-allowed domain get 403; outbound deliveries to them are dropped. Block lists are
 * read through a short cache so the inbox stays fast; changes from the CLI take effect within seconds.
 */
public final class ModerationService {
    private static final Duration TTL = Duration.ofSeconds(2);

    private final Database db;
    private final ModerationStore store = new ModerationStore();
    private final boolean allowlistMode;
    private final URI instanceActor;
    private final EventStore events = new EventStore();
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Set.of(), Set.of(), 0);

    /** @param instanceActor who blocks, in the {@link Blocked} events: the node itself */
    public ModerationService(Database db, boolean allowlistMode, URI instanceActor) {
        this.db = db;
        this.allowlistMode = allowlistMode;
        this.instanceActor = instanceActor;
    }

    private record Snapshot(Set<String> blocked, Set<String> allowed, Set<String> blockedActors, long loadedAtNanos) {}

    /** True if the domain (host[:port], or any parent domain) is blocked, or not allowed in allowlist mode. */
    public boolean isBlockedDomain(String authority) {
        Snapshot s = current();
        // Normalise the spellings of one host: userinfo (x@host), case, and the trailing dot of an FQDN.
        String a = authority.toLowerCase(java.util.Locale.ROOT);
        a = a.substring(a.lastIndexOf('@') + 1);
        int portColon = a.startsWith("[") ? a.indexOf(':', Math.max(a.indexOf(']'), 0)) : a.lastIndexOf(':');
        String hostOnly = portColon < 0 ? a : a.substring(0, portColon);
        while (hostOnly.endsWith(".")) hostOnly = hostOnly.substring(0, hostOnly.length() - 1);
        String host = portColon < 0 ? hostOnly : hostOnly + a.substring(portColon);
        if (matches(s.blocked(), host) || matches(s.blocked(), hostOnly)) return true;
        return allowlistMode && !(matches(s.allowed(), host) || matches(s.allowed(), hostOnly));
    }

    public boolean isBlockedActor(String iri) {
        return current().blockedActors().contains(iri);
    }

    public void blockDomain(String domain) {
        db.dsl().transaction(cfg -> {
            store.blockDomain(cfg.dsl(), domain);
            events.record(cfg.dsl(), new Blocked(instanceActor, iriOrNull("https://" + domain), Blocked.Scope.DOMAIN));
        });
        snapshot = new Snapshot(Set.of(), Set.of(), Set.of(), 0);
    }

    public void allowDomain(String domain) {
        db.dsl().transaction(cfg -> store.allowDomain(cfg.dsl(), domain));
        snapshot = new Snapshot(Set.of(), Set.of(), Set.of(), 0);
    }

    public void blockActor(String iri) {
        db.dsl().transaction(cfg -> {
            store.blockActor(cfg.dsl(), iri);
            events.record(cfg.dsl(), new Blocked(instanceActor, iriOrNull(iri), Blocked.Scope.ACTOR));
        });
        snapshot = new Snapshot(Set.of(), Set.of(), Set.of(), 0);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s.loadedAtNanos() == 0 || System.nanoTime() - s.loadedAtNanos() > TTL.toNanos()) {
            s = new Snapshot(Set.copyOf(store.blockedDomains(db.dsl())), Set.copyOf(store.allowedDomains(db.dsl())),
                    Set.copyOf(store.blockedActors(db.dsl())), System.nanoTime());
            snapshot = s;
        }
        return s;
    }

    private static boolean matches(Set<String> domains, String host) {
        String h = host;
        while (true) {
            if (domains.contains(h)) return true;
            int dot = h.indexOf('.');
            if (dot < 0) return false;
            h = h.substring(dot + 1);
        }
    }

    /** What the operator typed, as an IRI if it is one (the block itself takes the text as it is). */
    private static URI iriOrNull(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
