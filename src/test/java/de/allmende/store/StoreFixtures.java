package de.allmende.store;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;

import java.net.URI;

/** Accounts for store tests, written as the node writes them (the account rows come from the V8 triggers). */
final class StoreFixtures {
    private StoreFixtures() {}

    /** A local municipality's account, named by the IRI a node at https://node.example would give it. */
    static AccountRef localAccount(Database db, String handle) {
        long actor = db.dsl().fetchSingle("INSERT INTO actor (kind, handle, display_name) VALUES ('municipality', ?, ?) RETURNING id",
                handle, handle).get(0, Long.class);
        return new AccountStore().local(db.dsl(), actor, URI.create("https://node.example/actors/" + handle));
    }

    /** A stored remote actor's account; its inbox is {@code <iri>/inbox}. */
    static AccountRef remoteAccount(Database db, URI iri) {
        db.dsl().execute("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES (?, ?, 'Person', ?, '{}')",
                iri.toString(), iri.getRawAuthority(), iri + "/inbox");
        return new AccountStore().remote(db.dsl(), iri).orElseThrow();
    }
}
