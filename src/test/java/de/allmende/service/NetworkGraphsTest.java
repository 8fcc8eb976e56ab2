package de.allmende.service;

import de.allmende.content.statistics.NetworkGraph;
import de.allmende.store.StatisticsStore.Link;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("network graph: the 30 most linked members by name, the links among them, and how many were left out")
class NetworkGraphsTest {
    @Test
    @DisplayName("a hub followed by 34 members: the hub and the first 29 of them by name are shown, 5 are left out")
    void mostLinkedFirst() {
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= 34; i++) {
            links.add(new Link(String.format("m%02d@peer.example", i), false, String.format("Gemeinde %02d", i), "hub", true, "Zentrum",
                    true, i == 1 ? 3 : 0));
        }
        NetworkGraph g = NetworkGraphs.of(links, (local, acct) -> local ? acct + "@here.example" : acct);
        assertEquals(30, g.members().size());
        assertEquals(5, g.leftOut());
        assertEquals("Gemeinde 01", g.members().getFirst().name(), "by name");
        assertEquals("Gemeinde 29", g.members().get(28).name());
        assertEquals(new NetworkGraph.Member("hub@here.example", "Zentrum"), g.members().getLast());
        assertEquals(29, g.links().size(), "the links of those left out are left out too");
        assertEquals(new NetworkGraph.Link(0, 29, true, 3), g.links().getFirst());
    }

    @Test
    @DisplayName("no links, no members: an empty graph")
    void empty() {
        NetworkGraph g = NetworkGraphs.of(List.of(), (local, acct) -> acct);
        assertEquals(List.of(), g.members());
        assertEquals(0, g.leftOut());
    }
}
