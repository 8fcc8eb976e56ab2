package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.Viewer;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.RemoteLookup;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountStore;
import de.allmende.store.PostStore;
import de.allmende.store.SearchStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search as client apps use it (docs.joinmastodon.org/methods/search): how staff find {@code @stadt@muni.example}
 * from their app and follow it. A handle ({@code [@]user@host}) or a URL names one account or post: known here, or
 * — with {@code resolve} — looked up on its server (WebFinger, signed fetch) and kept, so it has an id the other
 * endpoints accept. Other text matches accounts by name and the posts the viewer may see by their words. Hashtags
 * are not searched yet (an empty list).
 */
public final class Search {
    private static final Pattern HANDLE = Pattern.compile("@?([^@\\s/]+)@([^@\\s/]+)");

    /** What to search for; {@code type} empty means every kind (offset then applies to none, as in Mastodon). */
    public record Query(String text, Optional<Kind> type, boolean resolve, boolean followingOnly, int limit, int offset) {}

    public enum Kind { ACCOUNTS, STATUSES, HASHTAGS }

    public record Results(List<AccountFacts> accounts, List<StatusView> statuses, List<Tags.Tag> hashtags) {
        static final Results NONE = new Results(List.of(), List.of(), List.of());
    }

    private final Database db;
    private final LocalIris iris;
    private final RemoteLookup lookup;
    private final StatusReads statuses;
    private final Tags tags;
    /** This node's host as handles name it. */
    private final String localHost;
    private final AccountFactsStore accounts = new AccountFactsStore();
    private final AccountStore accountIds = new AccountStore();
    private final PostStore posts = new PostStore();
    private final SearchStore search = new SearchStore();

    public Search(Database db, LocalIris iris, RemoteLookup lookup, StatusReads statuses, Tags tags, String localHost) {
        this.db = db;
        this.tags = tags;
        this.iris = iris;
        this.lookup = lookup;
        this.statuses = statuses;
        this.localHost = localHost;
    }

    public Results search(Viewer v, Query q) {
        String text = q.text().strip();
        boolean wantAccounts = q.type().map(Kind.ACCOUNTS::equals).orElse(true);
        boolean wantStatuses = q.type().map(Kind.STATUSES::equals).orElse(true);
        boolean wantHashtags = q.type().map(Kind.HASHTAGS::equals).orElse(true);
        if (text.isEmpty()) return Results.NONE;
        Optional<URI> url = url(text);
        if (url.isPresent()) {
            Named named = byUrl(url.get(), q.resolve());
            return new Results(wantAccounts ? named.account().flatMap(this::account).stream().toList() : List.of(),
                    wantStatuses ? named.post().map(id -> visible(v, List.of(id))).orElse(List.of()) : List.of(), List.of());
        }
        Matcher handle = HANDLE.matcher(text);
        if (handle.matches()) {
            List<AccountFacts> found = wantAccounts ? byHandle(handle.group(1), handle.group(2), q.resolve()).stream().toList() : List.of();
            return new Results(found, List.of(), List.of());
        }
        int offset = q.type().isPresent() ? q.offset() : 0;
        DSLContext tx = db.dsl();
        List<AccountFacts> found = wantAccounts ? inOrder(tx, search.accounts(tx, text, v.accountId(), q.followingOnly(), q.limit(), offset))
                : List.of();
        return new Results(found, wantStatuses ? visible(v, search.posts(tx, v, text, q.limit(), offset)) : List.of(),
                wantHashtags ? tags.search(v, text, q.limit(), offset) : List.of());
    }

    /** {@code GET /api/v1/accounts/search}: the accounts part of a search. */
    public List<AccountFacts> accounts(Viewer v, Query q) {
        return search(v, new Query(q.text(), Optional.of(Kind.ACCOUNTS), q.resolve(), q.followingOnly(), q.limit(), q.offset())).accounts();
    }

    /** The account or post a URL names, as ids here. */
    private record Named(Optional<Long> account, Optional<Long> post) {}

    private Named byUrl(URI url, boolean resolve) {
        DSLContext tx = db.dsl();
        Optional<Long> account = iris.isLocal(url)
                ? iris.parseActor(url).flatMap(h -> accountIds.localByHandle(tx, h, url)).map(a -> a.id())
                : accountIds.remote(tx, url).map(a -> a.id());
        Optional<Long> post = posts.idOf(tx, url);
        if (account.isPresent() || post.isPresent() || !resolve || iris.isLocal(url)) return new Named(account, post);
        Optional<RemoteLookup.Found> found = lookup.byUrl(url);
        return switch (found.orElse(null)) {
            case RemoteLookup.Found.Actor a -> new Named(accountIds.remote(db.dsl(), a.iri()).map(r -> r.id()), Optional.empty());
            case RemoteLookup.Found.Post p -> new Named(Optional.empty(), posts.idOf(db.dsl(), p.iri()));
            case null -> new Named(Optional.empty(), Optional.empty());
        };
    }

    private Optional<AccountFacts> byHandle(String user, String host, boolean resolve) {
        boolean local = host.equalsIgnoreCase(localHost);
        Optional<AccountFacts> known = accounts.byAcct(db.dsl(), user, local ? Optional.empty() : Optional.of(host));
        if (known.isPresent() || local || !resolve) return known;
        return lookup.actorByHandle(user, host).flatMap(iri -> accountIds.remote(db.dsl(), iri)).flatMap(a -> account(a.id()));
    }

    private Optional<AccountFacts> account(long id) {
        return accounts.byId(db.dsl(), id);
    }

    /** The visible ones of these posts, in the order given. */
    private List<StatusView> visible(Viewer v, List<Long> ids) {
        Map<Long, StatusView> views = statuses.visible(v, ids);
        return ids.stream().map(views::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The accounts of these ids, in the order given. */
    private List<AccountFacts> inOrder(DSLContext tx, List<Long> ids) {
        Map<Long, AccountFacts> byId = accounts.byIds(tx, ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** An http(s) URL with a host, as apps pass a profile or post link. */
    private static Optional<URI> url(String text) {
        if (!text.startsWith("https://") && !text.startsWith("http://")) return Optional.empty();
        try {
            URI u = new URI(text);
            return u.getHost() == null ? Optional.empty() : Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
