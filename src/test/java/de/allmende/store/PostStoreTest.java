package de.allmende.store;

import de.allmende.db.Database;
import de.allmende.testkit.TestDatabase;
import de.allmende.domain.Snowflake;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts and accounts in one id space: snowflake ids, typed rows that read back as they were written. */
@DisplayName("posts and accounts: one id space, snowflake ids, typed rows")
class PostStoreTest {
    private static final URI REMOTE_ACTOR = URI.create("https://mobilizon.example/@kulturamt");
    private static Database db;
    private final PostStore posts = new PostStore();

    @BeforeAll
    static void start() {
        db = Database.connect(TestDatabase.fresh(), null);
        db.dsl().execute("INSERT INTO actor (kind, handle, display_name) VALUES ('municipality', 'musterstadt', 'Musterstadt')");
        db.dsl().execute("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES (?, 'mobilizon.example', 'Person', ?, '{}')",
                REMOTE_ACTOR.toString(), REMOTE_ACTOR + "/inbox");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @DisplayName("local and remote actors get accounts with snowflake ids from the same sequence")
    void accountsInOneIdSpace() {
        long actorId = db.dsl().fetchSingle("SELECT id FROM actor WHERE handle = 'musterstadt'").get(0, Long.class);
        long local = posts.accountOfLocal(db.dsl(), actorId);
        long remote = posts.accountOfRemote(db.dsl(), REMOTE_ACTOR).orElseThrow();
        assertTrue(local != remote);
        for (long id : List.of(local, remote)) {
            Duration age = Duration.between(Snowflake.timeOf(id), Instant.now());
            assertTrue(!age.isNegative() && age.toMinutes() < 5, "the id tells when it was made: " + Snowflake.timeOf(id));
        }
        assertTrue(posts.accountOfRemote(db.dsl(), URI.create("https://elsewhere.example/u")).isEmpty());
    }

    @Test
    @DisplayName("a remote event reads back as written; an edit keeps its id; later posts get higher ids")
    void postsReadBackAndSortByTime() {
        long author = posts.accountOfRemote(db.dsl(), REMOTE_ACTOR).orElseThrow();
        Post event = event("https://mobilizon.example/events/1", "Bürgerwerkstatt");
        long id = posts.save(db.dsl(), event, author, Optional.empty());
        assertEquals(event, posts.find(db.dsl(), event.iri()).orElseThrow().post());

        Post edited = event("https://mobilizon.example/events/1", "Bürgerwerkstatt (verschoben)");
        assertEquals(id, posts.save(db.dsl(), edited, author, Optional.empty()), "an edit keeps the id");
        assertEquals(edited, posts.find(db.dsl(), id).orElseThrow().post());

        long later = posts.save(db.dsl(), event("https://mobilizon.example/events/2", "Zweite"), author, Optional.empty());
        assertTrue(later > id, "ids sort by time");
        assertTrue(posts.markDeleted(db.dsl(), edited.iri(), Instant.now()));
        assertTrue(posts.find(db.dsl(), id).orElseThrow().deleted().isPresent());
    }

    @Test
    @DisplayName("a change rolled back leaves no post")
    void rolledBack() {
        long author = posts.accountOfRemote(db.dsl(), REMOTE_ACTOR).orElseThrow();
        Post p = event("https://mobilizon.example/events/rolled-back", "Nie");
        try {
            db.dsl().transaction(cfg -> {
                posts.save(cfg.dsl(), p, author, Optional.empty());
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the change failed after the insert
        }
        assertTrue(posts.find(db.dsl(), p.iri()).isEmpty());
    }

    private static Post event(String iri, String name) {
        Instant start = Instant.parse("2027-03-02T17:00:00Z");
        URI followers = URI.create(REMOTE_ACTOR + "/followers");
        return new Post(URI.create(iri), REMOTE_ACTOR, PostKind.EVENT, Audience.forVisibility(Visibility.PUBLIC, followers, List.of()),
                Visibility.PUBLIC, Optional.empty(), Optional.empty(), Optional.empty(), new LanguageMap(Map.of("de", name)), LanguageMap.EMPTY,
                new LanguageMap(Map.of("de", "<p>Alle sind eingeladen.</p>", "en", "<p>Everyone is welcome.</p>")), false,
                List.of("Beteiligung"), List.of(), List.of(new MediaAttachment(URI.create("https://mobilizon.example/media/1.jpg"),
                "image/jpeg", Optional.of("Rathaus"))),
                Optional.of(new EventFacts(start, Optional.of(start.plus(2, ChronoUnit.HOURS)), Optional.of(ZoneId.of("Europe/Berlin")),
                        Optional.of("Rathaus"), Optional.of("Musterstadt"), Optional.empty())),
                Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(), Optional.of(URI.create(iri)), new Origin.Remote("mobilizon.example", false));
    }
}
