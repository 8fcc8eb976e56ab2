package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.AccountStore;
import de.allmende.store.FollowListStore;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.util.ArrayList;
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

    private final Database db;
    private final LocalIris iris;
    /** This node's host as {@code acct} names it ({@code user@host} with our host is a local account). */
    private final String localHost;
    private final AccountFactsStore accounts = new AccountFactsStore();
    private final AccountStore accountIds = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final FollowListStore followLists = new FollowListStore();

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

    /** The viewer's own account, and how many follow requests wait for it. */
    public record Credentials(AccountFacts account, int followRequests) {}

    public Credentials credentials(Viewer v) {
        DSLContext tx = db.dsl();
        return new Credentials(account(v.accountId()), follows.pendingRequests(tx, v.accountId()).size());
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
        DSLContext tx = db.dsl();
        Map<Long, AccountFacts> known = accounts.byIds(tx, ids);
        List<Relationship> out = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            if (!known.containsKey(id)) continue;
            Optional<FollowStore.State> out1 = follows.find(tx, v.accountId(), id).map(FollowStore.Follow::state);
            Optional<FollowStore.State> in = follows.find(tx, id, v.accountId()).map(FollowStore.Follow::state);
            out.add(new Relationship(id, out1.filter(FollowStore.State.ACCEPTED::equals).isPresent(),
                    out1.filter(FollowStore.State.PENDING::equals).isPresent(),
                    in.filter(FollowStore.State.ACCEPTED::equals).isPresent(), in.filter(FollowStore.State.PENDING::equals).isPresent()));
        }
        return out;
    }

    /** One follower or followed account, with the follow's id as the page cursor (Mastodon pages these so too). */
    public record Listed(long followId, AccountFacts account) {}

    public Page<Listed> followers(long accountId, PageRequest page) {
        DSLContext tx = db.dsl();
        account(accountId);
        return listed(tx, followLists.followers(tx, accountId, page));
    }

    /** Whom the account follows (accepted follows only: a pending request is no following yet). */
    public Page<Listed> following(long accountId, PageRequest page) {
        DSLContext tx = db.dsl();
        account(accountId);
        return listed(tx, followLists.following(tx, accountId, page));
    }

    private Page<Listed> listed(DSLContext tx, List<FollowListStore.Listed> rows) {
        Map<Long, AccountFacts> known = accounts.byIds(tx, rows.stream().map(FollowListStore.Listed::accountId).toList());
        List<Listed> items = rows.stream().flatMap(r -> Optional.ofNullable(known.get(r.accountId()))
                .map(a -> new Listed(r.followId(), a)).stream()).toList();
        // The cursors are the rows', so an account left out (the instance actor) does not end the paging.
        return new Page<>(items, rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst().followId()),
                rows.isEmpty() ? Optional.empty() : Optional.of(rows.getLast().followId()));
    }
}
