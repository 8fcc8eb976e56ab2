package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Json;
import de.allmende.route.RouteMatch;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IRI reading: {@link Json#uri} on what a peer names, {@link RemoteFetcher#withoutFragment} and the
 * local-IRI parsers of {@link Iris} (the route table's). None may throw; what they recognise must
 * round-trip through the matching builder.
 */
class IriFuzzTest {
    private static final Iris IRIS = new Iris(URI.create("https://stadt.example"));

    static Stream<Arguments> read() throws IOException {
        JsonNode index = Json.MAPPER.readTree(FuzzSeeds.text("realworld/index.json"));
        Stream<String> remote = StreamSupport.stream(index.spliterator(), false)
                .flatMap(entry -> Stream.of("id", "actor", "objectId").map(entry::path))
                .filter(JsonNode::isTextual).map(JsonNode::asText).distinct();
        Stream<String> local = Stream.of("https://stadt.example/actors/musterstadt#main-key",
                "https://stadt.example/objects/3f2a?x=1", "https://STADT.example/actor", "https://stadt.example",
                "http://[::1]:8080/@x", "https://user@stadt.example:443/objects/a%20b#frag",
                "https://stadt.example/actors/musterstadt/outbox?page=true", "https://stadt.example/.well-known/webfinger?resource=acct%3Ax%40y",
                "https://stadt.example/api/allmende/v1/events/0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10");
        return Stream.concat(remote, local).map(s -> Arguments.of((Object) s.getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource
    @DictionaryEntries({"https://", "http://", "stadt.example", "/actors/", "/objects/", "/actor", "#", "?", "%",
            "[::1]", "@", ":443", "/outbox", "page=true", "max_id=", "&", "/api/allmende/v1/", "/events/feed.atom", "/nodeinfo/2.1"})
    @FuzzTest(maxExecutions = 50_000, maxDuration = FuzzBudget.CAP)
    void read(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<URI> named = Json.uri(TextNode.valueOf(text));
        named.ifPresent(IriFuzzTest::checkRemote);
        URI iri;
        try {
            iri = new URI(text);
        } catch (URISyntaxException e) {
            return;
        }
        RemoteFetcher.withoutFragment(iri);
        IRIS.isLocal(iri);
        IRIS.isInstanceActor(iri);
        IRIS.isServer(iri);
        IRIS.parseActor(iri).ifPresent(handle -> assertEquals(Optional.of(handle), IRIS.parseActor(IRIS.actor(handle))));
        IRIS.parseObject(iri).ifPresent(id -> assertEquals(Optional.of(id), IRIS.parseObject(IRIS.object(id))));
        IRIS.parse(iri).ifPresent(IriFuzzTest::checkRoundTrip);
    }

    /** Whatever the route table parses, it builds again into an IRI that parses the same. */
    private static void checkRoundTrip(RouteMatch m) {
        URI rebuilt = IRIS.of(m.route(), m.query(), m.values().toArray(String[]::new));
        assertEquals(Optional.of(m), IRIS.parse(rebuilt), rebuilt::toString);
    }

    /** What {@link Json#uri} accepts is an absolute http(s) IRI with a host; its fragment comes off cleanly. */
    private static void checkRemote(URI iri) {
        assertTrue(iri.getScheme().equalsIgnoreCase("https") || iri.getScheme().equalsIgnoreCase("http"));
        assertNotNull(iri.getHost());
        URI bare = RemoteFetcher.withoutFragment(iri);
        assertNull(bare.getRawFragment());
        assertEquals(iri.getRawAuthority(), bare.getRawAuthority());
        assertEquals(iri.getRawPath(), bare.getRawPath());
        assertEquals(iri.getRawQuery(), bare.getRawQuery());
    }
}
