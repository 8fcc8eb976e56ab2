package de.allmende.service;

import de.allmende.domain.AccountRef;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/** The use cases' way from actors and IRIs to accounts (ids), for follows and reactions. */
final class Accounts {
    private final LocalIris iris;
    private final AccountStore store = new AccountStore();

    Accounts(LocalIris iris) {
        this.iris = iris;
    }

    AccountRef of(DSLContext tx, LocalActor a) {
        return store.local(tx, a.id(), iris.actor(a.handle()));
    }

    /** A remote actor the directory resolved, and so stored. */
    AccountRef of(DSLContext tx, RemoteActor r) {
        return store.remote(tx, r.iri()).orElseThrow(() -> new IllegalStateException("actor resolved but not stored: " + r.iri()));
    }

    /** The account an IRI names, local or remote, if this node has it. */
    Optional<AccountRef> find(DSLContext tx, URI iri) {
        if (iris.isLocal(iri)) return iris.parseActor(iri).flatMap(handle -> store.localByHandle(tx, handle, iri));
        return store.remote(tx, iri);
    }
}
