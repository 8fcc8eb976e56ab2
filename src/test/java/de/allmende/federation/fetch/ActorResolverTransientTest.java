package de.allmende.federation.fetch;

import de.allmende.db.Database;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.signature.KeyResolver;
import de.allmende.store.RemoteActorStore;
import de.allmende.testkit.TestDatabase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Trouble on our side must not look like a bad signature: the inbox answers 5xx (sender retries), not 401. */
class ActorResolverTransientTest {

    @Test
    @DisplayName("a database failure while looking up a key propagates instead of becoming 'key not found'")
    void databaseFailurePropagates() {
        Database db = Database.connect(TestDatabase.fresh(), null);
        ActorResolver resolver = new ActorResolver(db, new RemoteActorStore(), null, new SafeHttpClient(false), Clock.systemUTC(), false,
                new LocalKeys(new Iris(URI.create("https://local.example")), null, null));
        db.close(); // the pool refuses every connection from now on
        assertThrows(DataAccessException.class,
                () -> resolver.resolve("https://remote.example/users/a#main-key", KeyResolver.Freshness.CACHED));
    }
}
