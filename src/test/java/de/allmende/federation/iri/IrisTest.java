package de.allmende.federation.iri;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Iris: builders never throw, whatever a request put into a handle or id")
class IrisTest {
    private final Iris iris = new Iris(URI.create("https://muni.example"));
    private static final List<String> HOSTILE = List.of("", " ", "a b", "%", "%25", "{}", "\u0000", "x\u0000", "../..", "a/b",
            "a#b", "a?b", "\\", "ä", "\ud83d\ude00", "\ud800", "\udc00x", "<script>", "\"'", "\r\n", "x".repeat(10_000));

    @Test
    @DisplayName("every builder takes hostile strings and yields a URI on this node whose path has no raw specials")
    void buildersAreTotal() {
        List<Function<String, URI>> builders = List.of(iris::actor, iris::profilePage, iris::icon, iris::inbox, iris::outbox,
                iris::followers, iris::following, iris::featured, iris::liked, iris::moderators, iris::object, iris::activity, iris::feed,
                iris::calendar, iris::nodeInfo, h -> iris.feed("musterstadt", h), h -> iris.key(iris.actor("musterstadt"), h));
        for (String hostile : HOSTILE) {
            for (Function<String, URI> builder : builders) {
                URI built = builder.apply(hostile);
                assertTrue(iris.isLocal(built), built::toString);
                assertFalse(built.getRawPath().contains("//") && !hostile.isEmpty(), built::toString);
            }
        }
    }

    @Test
    @DisplayName("a hostile id stays one path segment and names no object of ours, never another path")
    void hostileIdStaysOneSegment() {
        assertEquals("/objects/a%2Fb", iris.object("a/b").getRawPath());
        assertEquals(Optional.empty(), iris.parseObject(iris.object("a/b")));
        assertEquals(Optional.empty(), iris.parseObject(iris.object("\u0000")));
        assertEquals(Optional.of("0f3a-b_c.d~e"), iris.parseObject(iris.object("0f3a-b_c.d~e")));
        assertEquals(Optional.empty(), iris.parseActor(iris.actor("../objects/x")).filter(h -> !h.contains("%")));
    }

    @Test
    @DisplayName("ids and handles this node mints are left as they are")
    void mintedNamesUnchanged() {
        assertEquals("https://muni.example/objects/0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10",
                iris.object("0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10").toString());
        assertEquals("https://muni.example/actors/stadt_a.b-c/feed.atom", iris.feed("stadt_a.b-c").toString());
        assertEquals("https://muni.example/actors/stadt#main-key-2", iris.key(iris.actor("stadt"), "main-key-2").toString());
    }
}
