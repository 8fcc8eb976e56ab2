package de.allmende.domain.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Mastodon's OAuth scopes (4.3+, {@code api/oauth-scopes.md}) and their hierarchy: {@code read} implies
 * every {@code read:*}, {@code write} every {@code write:*}, {@code admin:read} every {@code admin:read:*};
 * the deprecated {@code follow} implies reading and writing follows, blocks and mutes. {@code profile} and
 * {@code push} stand alone. A set of granted scopes is kept as the client asked for it, space-separated.
 */
public record OAuthScopes(Set<String> granted) {
    private static final List<String> READ = List.of("accounts", "blocks", "bookmarks", "collections", "favourites", "filters",
            "follows", "lists", "mutes", "notifications", "search", "statuses");
    private static final List<String> WRITE = List.of("accounts", "blocks", "bookmarks", "collections", "conversations",
            "favourites", "filters", "follows", "lists", "media", "mutes", "notifications", "reports", "statuses");
    private static final List<String> ADMIN = List.of("accounts", "canonical_email_blocks", "domain_allows", "domain_blocks",
            "email_domain_blocks", "ip_blocks", "reports");
    private static final Set<String> FOLLOW = Set.of("read:follows", "read:blocks", "read:mutes", "write:follows",
            "write:blocks", "write:mutes");
    /** Every scope a client may ask for, in the order the server metadata lists them. */
    public static final List<String> KNOWN = Stream.of(
            Stream.of("read", "write", "push", "profile", "follow", "admin:read", "admin:write"),
            READ.stream().map(s -> "read:" + s), WRITE.stream().map(s -> "write:" + s),
            ADMIN.stream().map(s -> "admin:read:" + s), ADMIN.stream().map(s -> "admin:write:" + s)).flatMap(s -> s).toList();
    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);
    /** Mastodon's default when a client names no scope. */
    public static final OAuthScopes DEFAULT = new OAuthScopes(Set.of("read"));

    public OAuthScopes {
        granted = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(granted));
    }

    /** Parses a space-separated list (blank: empty); unknown scopes make it empty-handed. */
    public static Optional<OAuthScopes> parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) return Optional.of(new OAuthScopes(Set.of()));
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(spaceSeparated.strip().split("\\s+")));
        return scopes.stream().allMatch(KNOWN_SET::contains) ? Optional.of(new OAuthScopes(scopes)) : Optional.empty();
    }

    public static Optional<OAuthScopes> of(List<String> scopes) {
        return parse(String.join(" ", scopes));
    }

    public boolean isEmpty() {
        return granted.isEmpty();
    }

    /** True if these scopes grant {@code scope}, directly or through a broader one. */
    public boolean allows(String scope) {
        if (granted.contains(scope)) return true;
        if (granted.contains("follow") && FOLLOW.contains(scope)) return true;
        int colon = scope.lastIndexOf(':');
        return colon > 0 && allows(scope.substring(0, colon));
    }

    /** True if these scopes grant any one of {@code alternatives} (as Mastodon's routes accept any of several). */
    public boolean allowsAny(List<String> alternatives) {
        return alternatives.stream().anyMatch(this::allows);
    }

    /** True if every scope of {@code requested} is granted here, directly or through a broader one. */
    public boolean covers(OAuthScopes requested) {
        return requested.granted.stream().allMatch(this::allows);
    }

    /** Space-separated, as OAuth answers carry them. */
    public String text() {
        return String.join(" ", granted);
    }

    public List<String> list() {
        return List.copyOf(granted);
    }

    @Override
    public String toString() {
        return granted.stream().collect(Collectors.joining(" "));
    }
}
