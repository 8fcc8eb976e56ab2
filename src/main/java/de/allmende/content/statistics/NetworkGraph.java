package de.allmende.content.statistics;

import java.util.List;

/**
 * Who follows and boosts whom among the directory's members: the members with links (the most linked ones, at most
 * a figure's worth), and per ordered pair whether the first follows the second and how often it boosted its posts.
 *
 * @param leftOut members with links that did not fit (their links are left out too)
 */
public record NetworkGraph(List<Member> members, List<Link> links, int leftOut) implements Figure {
    public NetworkGraph {
        members = List.copyOf(members);
        links = List.copyOf(links);
    }

    @Override
    public Kind kind() {
        return Kind.NETWORK;
    }

    /** A member by its handle ({@code acct}) and name. */
    public record Member(String key, String name) {}

    /** {@code from} and {@code to} index {@link #members()}. */
    public record Link(int from, int to, boolean follows, long boosts) {}
}
