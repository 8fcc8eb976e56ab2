package de.allmende.store;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.Boost;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.store.ReactionStore.Kind;
import de.allmende.store.ReactionStore.Reaction;
import de.allmende.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Likes and boosts by account id, of posts by post id (or of objects that are no post here, by IRI); boosts as posts. */
@DisplayName("reactions: by account and post ids; boosts are posts")
class ReactionStoreTest {
    private static Database db;
    private static AccountRef musterstadt;
    private static AccountRef alice;
    private final ReactionStore reactions = new ReactionStore();
    private final PostStore posts = new PostStore();
    private final BoostStore boosts = new BoostStore();

    @BeforeAll
    static void start() {
        db = Database.connect(TestDatabase.fresh(), null);
        musterstadt = StoreFixtures.localAccount(db, "musterstadt");
        alice = StoreFixtures.remoteAccount(db, URI.create("https://social.example/users/alice"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @DisplayName("a like of a post here is keyed by account and post id; one per account and object; taken back by its activity")
    void likeOfAPost() {
        long post = note("https://node.example/objects/1", musterstadt);
        URI iri = URI.create("https://node.example/objects/1");
        assertTrue(reactions.insert(db.dsl(), Kind.LIKE, alice, iri, Optional.of(post), "https://social.example/likes/1"));
        assertFalse(reactions.insert(db.dsl(), Kind.LIKE, alice, iri, Optional.of(post), "https://social.example/likes/2"), "one like each");
        assertEquals(1, reactions.count(db.dsl(), Kind.LIKE, post));
        assertEquals(Optional.of("https://social.example/likes/1"), reactions.activityOf(db.dsl(), Kind.LIKE, alice.id(), iri));

        assertTrue(reactions.deleteByActivity(db.dsl(), Kind.ANNOUNCE, "https://social.example/likes/1", alice.id()).isEmpty(),
                "a like is no boost");
        assertTrue(reactions.deleteByActivity(db.dsl(), Kind.LIKE, "https://social.example/likes/1", musterstadt.id()).isEmpty(),
                "only the liker takes it back");
        Reaction removed = reactions.deleteByActivity(db.dsl(), Kind.LIKE, "https://social.example/likes/1", alice.id()).orElseThrow();
        assertEquals(new Reaction(removed.id(), Kind.LIKE, alice, iri, Optional.of(post), "https://social.example/likes/1"), removed);
        assertEquals(0, reactions.count(db.dsl(), Kind.LIKE, post));
    }

    @Test
    @DisplayName("a like of an object that is no post here counts by IRI, and is linked once the post arrives")
    void likeOfAnUnknownObjectIsLinkedLater() {
        URI iri = URI.create("https://social.example/notes/later");
        assertTrue(reactions.insert(db.dsl(), Kind.LIKE, musterstadt, iri, Optional.empty(), "https://node.example/activities/like-later"));
        assertEquals(List.of(iri.toString()), reactions.likedBy(db.dsl(), musterstadt.id()));
        long post = note(iri.toString(), alice);
        assertEquals(1, reactions.count(db.dsl(), Kind.LIKE, post), "the post arriving later takes the reaction's post id");
        assertEquals(Optional.of(post), reactions.delete(db.dsl(), Kind.LIKE, musterstadt.id(), iri).orElseThrow().postId());
    }

    @Test
    @DisplayName("a boost is a post of its own naming the boosted one; one per booster and post; removed by its Announce")
    void boostIsAPost() {
        long original = note("https://node.example/objects/boosted", musterstadt);
        URI announce = URI.create("https://social.example/users/alice/statuses/9/activity");
        Boost boost = new Boost(announce, alice.iri(), URI.create("https://node.example/objects/boosted"),
                Audience.forVisibility(Visibility.PUBLIC, URI.create(alice.iri() + "/followers"), List.of()), Visibility.PUBLIC,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), new Origin.Remote("social.example", false));
        long id = boosts.save(db.dsl(), boost, alice.id(), original).orElseThrow();
        assertTrue(boosts.save(db.dsl(), new Boost(URI.create(announce + "-again"), boost.booster(), boost.boosted(), boost.audience(),
                boost.visibility(), boost.published(), boost.origin()), alice.id(), original).isEmpty(), "one boost per booster and post");

        var stored = posts.find(db.dsl(), id).orElseThrow();
        assertEquals(PostKind.BOOST, stored.post().kind());
        assertEquals(alice.id(), stored.authorId());
        assertEquals(Visibility.PUBLIC, stored.post().visibility());
        assertEquals(Optional.of(original), boosts.boosted(db.dsl(), announce, alice.id()));

        assertFalse(boosts.delete(db.dsl(), announce, musterstadt.id()), "only the booster removes it");
        assertTrue(boosts.delete(db.dsl(), announce, alice.id()));
        assertTrue(posts.find(db.dsl(), id).isEmpty());
    }

    private long note(String iri, AccountRef author) {
        Post p = new Post(URI.create(iri), author.iri(), PostKind.NOTE,
                Audience.forVisibility(Visibility.PUBLIC, URI.create(author.iri() + "/followers"), List.of()), Visibility.PUBLIC,
                Optional.empty(), Optional.empty(), Optional.empty(), LanguageMap.EMPTY, LanguageMap.EMPTY, LanguageMap.of("de", "<p>Hallo</p>"),
                false,
                List.of(), List.of(), List.of(), Optional.empty(), Instant.now(), Optional.empty(), Optional.empty(), Origin.LOCAL);
        return posts.save(db.dsl(), p, author.id(), Optional.empty());
    }
}
