package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.PostingDefaults;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountStore;
import de.allmende.store.AccountRelationStore;
import de.allmende.store.CursorPages;
import de.allmende.store.FollowListStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.TimelineStore;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What client apps read of accounts (issue 10, the read path): the viewer's own, any account by id or by
 * {@code acct}, relationships, followers and following. Only what this node holds; resolving unknown accounts
 * over the network is search's job.
 */
public final class AccountReads {
    private static final String NOT_FOUND = "Record not found";
    /** How many familiar followers an account shows (Mastodon's web shows a few names and "and N others"). */
    private static final int FAMILIAR = 40;

    private final Database db;
    private final LocalIris iris;
    /** This node's host as {@code acct} names it ({@code user@host} with our host is a local account). */
    private final String localHost;
    private final AccountFactsStore accounts = new AccountFactsStore();
    private final AccountStore accountIds = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final FollowListStore followLists = new FollowListStore();
    private final Relationships relationships = new Relationships();
    private final AccountRelationStore relations = new AccountRelationStore();
    private final ReactionStore reactions = new ReactionStore();
    private final TimelineStore timelines = new TimelineStore();

    public AccountReads(Database db, LocalIris iris, String localHost) {
        this.db = db;
        this.iris = iris;
        this.localHost = localHost;
    }

    /** The client API's reader: the municipality a person acts as. */
    public Viewer viewer(LocalActor municipality) {
        long id = accountIds.localId(db.dsl(), municipality.id()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        return new Viewer(id, iris.actor(municipality.handle()));
    }

    /** The viewer's own account, how many follow requests wait for it, and what apps preset for its new posts. */
    public record Credentials(AccountFacts account, int followRequests, PostingDefaults defaults) {}

    /** The account of the municipality a person acts as (as loaded for this request, or just updated). */
    public Credentials credentials(LocalActor municipality) {
        Viewer v = viewer(municipality);
        DSLContext tx = db.dsl();
        return new Credentials(account(v.accountId()), follows.pendingRequests(tx, v.accountId()).size(), municipality.postingDefaults());
    }

    public AccountFacts account(long id) {
        return accounts.byId(db.dsl(), id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** An account by {@code acct}: {@code handle}, {@code @handle}, {@code handle@our.host} or {@code user@their.host}. */
    public AccountFacts lookup(String acct) {
        String a = acct.strip();
        if (a.startsWith("@")) a = a.substring(1);
        int at = a.indexOf('@');
        String user = at < 0 ? a : a.substring(0, at);
        Optional<String> host = at < 0 ? Optional.empty() : Optional.of(a.substring(at + 1)).filter(h -> !h.equalsIgnoreCase(localHost));
        if (user.isEmpty() || host.filter(String::isEmpty).isPresent()) throw ApiException.notFound(NOT_FOUND);
        return accounts.byAcct(db.dsl(), user, host).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** Relationships with these accounts, in the order asked; ids of no account are left out, as Mastodon does. */
    public List<Relationship> relationships(Viewer v, List<Long> ids) {
        return relationships.of(db.dsl(), v, ids);
    }

    /** The viewer's relationship with one account (404 for an unknown one): what an account action answers. */
    public Relationship relationship(Viewer v, long id) {
        DSLContext tx = db.dsl();
        return relationships.of(tx, v, accounts.byId(tx, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
    }

    public Page<AccountFacts> followers(long accountId, PageRequest page) {
        DSLContext tx = db.dsl();
        account(accountId);
        return listed(tx, followLists.followers(tx, accountId, page));
    }

    /** Whom the account follows (accepted follows only: a pending request is no following yet). */
    public Page<AccountFacts> following(long accountId, PageRequest page) {
        DSLContext tx = db.dsl();
        account(accountId);
        return listed(tx, followLists.following(tx, accountId, page));
    }

    /** Who asks to follow the viewer, newest request first. */
    public Page<AccountFacts> followRequests(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        return listed(tx, followLists.requests(tx, v.accountId(), page));
    }

    public Page<AccountFacts> blocked(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        return listed(tx, relations.blocked(tx, v.accountId(), page));
    }

    /** A muted account, and until when (empty: for good). */
    public record Muted(AccountFacts account, Optional<java.time.Instant> until) {}

    public Page<Muted> muted(Viewer v, PageRequest page) {
        DSLContext tx = db.dsl();
        Page<AccountFacts> listed = listed(tx, relations.muted(tx, v.accountId(), page));
        List<Muted> items = listed.items().stream().map(a -> new Muted(a, relations.mute(tx, v.accountId(), a.id())
                .flatMap(AccountRelationStore.Mute::expiresAt))).toList();
        return new Page<>(items, listed.newest(), listed.oldest());
    }

    /** The domains the viewer hides, newest first. */
    public Page<String> blockedDomains(Viewer v, PageRequest page) {
        var rows = relations.blockedDomains(db.dsl(), v.accountId(), page);
        return Page.cursors(rows.stream().map(CursorPages.Listed::listed).toList(), rows);
    }

    /** Who favourited or boosted a post the viewer may see (404 otherwise), newest first. */
    public Page<AccountFacts> reactors(Viewer v, long postId, ReactionStore.Kind kind, PageRequest page) {
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, postId)) throw ApiException.notFound(NOT_FOUND);
        return listed(tx, reactions.reactors(tx, kind, postId, page));
    }

    /** Familiar followers: for each account asked (known ones, in order), whom the viewer follows that follows it too. */
    public record Familiar(long accountId, List<AccountFacts> accounts) {}

    public List<Familiar> familiarFollowers(Viewer v, List<Long> ids) {
        DSLContext tx = db.dsl();
        Map<Long, AccountFacts> known = accounts.byIds(tx, ids);
        return ids.stream().distinct().filter(known::containsKey).map(id -> {
            List<Long> familiar = relations.familiarFollowers(tx, v.accountId(), id, FAMILIAR);
            Map<Long, AccountFacts> facts = accounts.byIds(tx, familiar);
            return new Familiar(id, familiar.stream().flatMap(f -> Optional.ofNullable(facts.get(f)).stream()).toList());
        }).toList();
    }

    /** Accounts listed by rows with cursors of their own; the cursors stay the rows', so one left out (the instance actor) ends no paging. */
    private Page<AccountFacts> listed(DSLContext tx, List<CursorPages.Listed<Long>> rows) {
        Map<Long, AccountFacts> known = accounts.byIds(tx, rows.stream().map(CursorPages.Listed::listed).toList());
        return Page.cursors(rows.stream().flatMap(r -> Optional.ofNullable(known.get(r.listed())).stream()).toList(), rows);
    }
}
