package de.allmende.service;

import de.allmende.content.statistics.NetworkGraph;
import de.allmende.store.StatisticsStore.Link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who follows and boosts whom, made fit to read: the {@value #MAX_MEMBERS} members with most links (by name on a tie)
 * and the links among them. A circle of more names would be a hairball, not a figure; how many were left out is said.
 */
final class NetworkGraphs {
    static final int MAX_MEMBERS = 30;

    private NetworkGraphs() {}

    /** {@code acct} makes a member's handle from how it is stored (local or not), as the directory does. */
    static NetworkGraph of(List<Link> links, BiFunction<Boolean, String, String> acct) {
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        List<String[]> pairs = new ArrayList<>();
        for (Link l : links) {
            String from = acct.apply(l.fromLocal(), l.fromAcct()), to = acct.apply(l.toLocal(), l.toAcct());
            names.put(from, l.fromName());
            names.put(to, l.toName());
            degree.merge(from, 1, Integer::sum);
            degree.merge(to, 1, Integer::sum);
            pairs.add(new String[] {from, to});
        }
        List<String> shown = degree.keySet().stream()
                .sorted(Comparator.comparing((String a) -> -degree.get(a)).thenComparing(a -> names.get(a).toLowerCase()).thenComparing(a -> a))
                .limit(MAX_MEMBERS)
                .sorted(Comparator.comparing((String a) -> names.get(a).toLowerCase()).thenComparing(a -> a)).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        shown.forEach(a -> index.put(a, index.size()));
        List<NetworkGraph.Link> kept = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Integer from = index.get(pairs.get(i)[0]), to = index.get(pairs.get(i)[1]);
            if (from != null && to != null) kept.add(new NetworkGraph.Link(from, to, links.get(i).follows(), links.get(i).boosts()));
        }
        return new NetworkGraph(shown.stream().map(a -> new NetworkGraph.Member(a, names.get(a))).toList(), kept, degree.size() - shown.size());
    }
}
