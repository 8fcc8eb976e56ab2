package de.allmende.route;

import de.allmende.federation.iri.Iris;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The route table: every route builds IRIs that parse back to it, and parses nothing it would not build")
class RouteTableTest {
    private static final Iris IRIS = new Iris(URI.create("https://muni.example"));
    private static final List<String> HOSTILE = List.of("", " ", "a b", "%", "%25", "{}", "\u0000", "../..", "a/b", "a#b", "a?b",
            "a&b=c", "\\", "ä", "\ud83d\ude00", "\ud800", "<script>", "\r\n", "x".repeat(10_000), "musterstadt/inbox");

    /** Values of each parameter as this node mints them: every value of a closed parameter, one of an open one. */
    static List<String> samples(Param p) {
        if (p.isClosed()) return p.values();
        if (p == Param.HANDLE) return List.of("musterstadt", "stadt_a.b-c");
        if (p == Param.LOCAL_ID) return List.of("0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10", "0f3a-b_c.d~e");
        if (p == Param.UUID_ID) return List.of("0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10");
        if (p == Param.MAX_ID || p == Param.CLIENT_ID) return List.of("1", "9223372036854775807");
        // Hashtags of ASCII letters round-trip; others are built percent-encoded for the router, which decodes them.
        if (p == Param.TAG_NAME) return List.of("rathaus", "Radverkehr_2026");
        return List.of("acct:musterstadt@muni.example");
    }

    /** Every combination of sample values for a route's path parameters. */
    static List<List<String>> combinations(Route route) {
        List<List<String>> out = List.of(List.of());
        for (Param p : route.template().params()) {
            List<List<String>> grown = new ArrayList<>();
            for (List<String> sofar : out) {
                for (String value : samples(p)) {
                    List<String> next = new ArrayList<>(sofar);
                    next.add(value);
                    grown.add(next);
                }
            }
            out = grown;
        }
        return out;
    }

    @Test
    @DisplayName("build → parse: every route's IRIs (with each declared query parameter) name that route and its values again")
    void everyRouteRoundTrips() {
        int checked = 0;
        for (Route route : Route.values()) {
            for (List<String> values : combinations(route)) {
                String[] args = values.toArray(String[]::new);
                assertNamesItself(route, IRIS.of(route, args), values, Map.of());
                for (Param q : route.template().queryParams()) {
                    for (String value : samples(q)) {
                        Map<Param, String> query = Map.of(q, value);
                        assertNamesItself(route, IRIS.of(route, query, args), values, query);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > Route.values().length, "closed parameters are walked with each value");
    }

    /** Routes sharing a template (GET, PUT and DELETE of one staff item) parse as the first declared: reading comes first. */
    private static void assertNamesItself(Route route, URI iri, List<String> values, Map<Param, String> query) {
        RouteMatch m = IRIS.parse(iri).orElseThrow(() -> new AssertionError(route + ": " + iri + " parses as nothing"));
        assertEquals(route.template().toString(), m.route().template().toString(), iri::toString);
        assertTrue(m.route().ordinal() <= route.ordinal(), iri::toString);
        assertEquals(values, m.values(), iri::toString);
        assertEquals(query, m.query(), iri::toString);
    }

    @Test
    @DisplayName("a hostile value builds an IRI on this node that names no route with that value")
    void hostileValuesNameNothing() {
        for (Route route : Route.values()) {
            List<Param> params = route.template().params();
            for (int i = 0; i < params.size(); i++) {
                for (String hostile : HOSTILE) {
                    if (params.get(i).accepts(hostile)) continue;
                    List<String> values = new ArrayList<>(combinations(route).getFirst());
                    values.set(i, hostile);
                    URI iri = IRIS.of(route, values.toArray(String[]::new));
                    assertTrue(IRIS.isLocal(iri), iri::toString);
                    Optional<RouteMatch> m = IRIS.parse(iri);
                    assertFalse(m.isPresent() && m.get().values().contains(hostile), () -> route + " " + iri + " → " + m);
                }
            }
        }
    }

    @Test
    @DisplayName("parsing is strict: no trailing slash, extra segment, undeclared, repeated, empty or malformed query; other hosts name nothing")
    void parsingIsStrict() {
        String actor = "https://muni.example/actors/musterstadt";
        for (String odd : List.of(actor + "/", actor + "/x", actor + "?page=true", actor + "/outbox?page=false",
                actor + "/outbox?max_id=1&max_id=2", actor + "/outbox?", actor + "/outbox?max_id", actor + "/outbox?max_id=-1",
                "https://muni.example/actors/Musterstadt", "https://muni.example/objects/a%2Fb", "https://other.example/actors/musterstadt",
                "https://muni.example/api/allmende/v1/notes", "https://muni.example/nodeinfo/3.0", "https://muni.example//actors/musterstadt")) {
            assertEquals(Optional.empty(), IRIS.parse(URI.create(odd)), odd);
        }
        assertEquals(Optional.of("musterstadt"), IRIS.parseActor(URI.create(actor + "#main-key")));
        assertEquals(Route.OUTBOX, IRIS.parse(URI.create(actor + "/outbox?max_id=2&page=true")).orElseThrow().route());
    }

    @Test
    @DisplayName("one declaration per method and path; every path lies in its area; closed parameters are written out for the router")
    void declarationsAreUnambiguous() {
        Set<String> seen = new HashSet<>();
        for (Route route : Route.values()) {
            for (PathTemplate.RouterPath p : route.template().routerPaths()) {
                assertTrue(seen.add(route.method() + " " + p.path()), () -> "declared twice: " + route.method() + " " + p.path());
                assertTrue(p.path().startsWith(route.area().prefix() + "/"), route::toString);
            }
            assertEquals(route.access() == Access.STAFF, route.scope().isPresent(), route::toString);
        }
        assertEquals(List.of("/actors/:handle/projects/feed.atom", "/actors/:handle/updates/feed.atom", "/actors/:handle/events/feed.atom",
                        "/actors/:handle/lessons/feed.atom", "/actors/:handle/aids/feed.atom"),
                Route.KIND_FEED.template().routerPaths().stream().map(PathTemplate.RouterPath::path).toList());
        assertEquals("/actors/{handle}/outbox{?page,max_id}", Route.OUTBOX.template().toString());
    }
}
