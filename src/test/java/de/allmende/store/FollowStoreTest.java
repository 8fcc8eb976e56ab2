package de.allmende.store;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.store.FollowStore.Follow;
import de.allmende.store.FollowStore.State;
import de.allmende.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follows between accounts, keyed by account ids, each side's IRI along with it. */
@DisplayName("follows: keyed by account ids")
class FollowStoreTest {
    private static Database db;
    private static AccountRef musterstadt;
    private static AccountRef beispieldorf;
    private static AccountRef alice;
    private static AccountRef bob;
    private final FollowStore follows = new FollowStore();

    @BeforeAll
    static void start() {
        db = Database.connect(TestDatabase.fresh(), null);
        musterstadt = StoreFixtures.localAccount(db, "musterstadt");
        beispieldorf = StoreFixtures.localAccount(db, "beispieldorf");
        alice = StoreFixtures.remoteAccount(db, URI.create("https://social.example/users/alice"));
        bob = StoreFixtures.remoteAccount(db, URI.create("https://social.example/users/bob"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @DisplayName("a follow is found by the two account ids and by its activity; a repeated Follow refreshes it and never un-accepts")
    void upsertAndFind() {
        follows.upsert(db.dsl(), alice, musterstadt, "https://social.example/follows/1", State.PENDING);
        Follow pending = follows.find(db.dsl(), alice.id(), musterstadt.id()).orElseThrow();
        assertEquals(alice, pending.follower());
        assertEquals(musterstadt, pending.followee());
        assertEquals(State.PENDING, pending.state());

        follows.accept(db.dsl(), pending.id());
        follows.upsert(db.dsl(), alice, musterstadt, "https://social.example/follows/2", State.PENDING);
        Follow again = follows.findByActivity(db.dsl(), "https://social.example/follows/2").orElseThrow();
        assertEquals(pending.id(), again.id(), "one row per pair of accounts");
        assertEquals(State.ACCEPTED, again.state());
        assertTrue(follows.find(db.dsl(), musterstadt.id(), alice.id()).isEmpty(), "a follow has a direction");

        assertEquals(1, follows.delete(db.dsl(), alice.id(), musterstadt.id()));
        assertTrue(follows.find(db.dsl(), alice.id(), musterstadt.id()).isEmpty());
    }

    @Test
    @DisplayName("followers, following and requests by account id; deleting an account's follows removes both directions")
    void collectionsByAccount() {
        follows.upsert(db.dsl(), alice, beispieldorf, "https://social.example/follows/a", State.ACCEPTED);
        follows.upsert(db.dsl(), bob, beispieldorf, "https://social.example/follows/b", State.PENDING);
        follows.upsert(db.dsl(), beispieldorf, bob, "https://node.example/follows/c", State.ACCEPTED);

        assertEquals(List.of(alice), follows.followers(db.dsl(), beispieldorf.id(), Long.MAX_VALUE, 10).stream().map(Follow::follower).toList());
        assertEquals(List.of(bob), follows.pendingRequests(db.dsl(), beispieldorf.id()).stream().map(Follow::follower).toList());
        assertEquals(List.of(bob), follows.following(db.dsl(), beispieldorf.id(), Long.MAX_VALUE, 10).stream().map(Follow::followee).toList());
        assertEquals(1, follows.countFollowers(db.dsl(), beispieldorf.id()));
        assertEquals(1, follows.countFollowing(db.dsl(), beispieldorf.id()));
        assertEquals(Set.of("https://social.example/users/alice/inbox"), new RemoteActorStore().followerInboxes(db.dsl(), beispieldorf.id()),
                "fan-out finds accepted followers' inboxes by account id; a pending follower gets nothing");

        assertEquals(2, follows.deleteAllOf(db.dsl(), bob.id()));
        assertEquals(0, follows.countFollowing(db.dsl(), beispieldorf.id()));
        assertTrue(follows.pendingRequests(db.dsl(), beispieldorf.id()).isEmpty());
        assertEquals(1, follows.countFollowers(db.dsl(), beispieldorf.id()), "alice still follows");
    }
}
