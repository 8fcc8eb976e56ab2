package de.allmende.testkit;

import de.allmende.domain.AccountRef;
import de.allmende.store.AccountStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Accounts of a test node by IRI, for tests that stage follows and reactions straight in its stores. */
public final class TestAccounts {
    private static final AccountStore ACCOUNTS = new AccountStore();

    private TestAccounts() {}

    /** A local actor's account, or a remote actor's — fetched and stored first if the node does not know it yet. */
    public static AccountRef of(TestNode node, URI iri) {
        var services = node.node().services();
        var dsl = services.db.dsl();
        var local = services.iris.parseActor(iri).flatMap(handle -> ACCOUNTS.localByHandle(dsl, handle, iri));
        if (local.isPresent()) return local.get();
        return ACCOUNTS.remote(dsl, iri).orElseGet(() -> {
            try {
                services.federation.resolver.resolve(iri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ACCOUNTS.remote(dsl, iri).orElseThrow();
        });
    }

    /** A remote actor no server serves, stored with what a row needs (an inbox nobody answers at). */
    public static AccountRef stub(TestNode node, URI iri) {
        node.execute("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES ('" + iri + "', '" + iri.getRawAuthority()
                + "', 'Person', '" + iri + "/inbox', '{}') ON CONFLICT (iri) DO NOTHING");
        return ACCOUNTS.remote(node.node().services().db.dsl(), iri).orElseThrow();
    }
}
