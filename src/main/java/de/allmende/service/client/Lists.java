package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.ClientList;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.ListStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A municipality's lists (docs.joinmastodon.org/methods/lists): they belong to its account, so every person acting as
 * it shares them, and another municipality's list id is answered like one that does not exist. Members must be
 * accounts the municipality follows, as Mastodon requires.
 */
public final class Lists {
    private static final String NOT_FOUND = "Record not found";
    private final Database db;
    private final ListStore lists = new ListStore();
    private final AccountFactsStore accounts = new AccountFactsStore();

    public Lists(Database db) {
        this.db = db;
    }

    /** What a client sets of a list; absent values keep the list's (or take Mastodon's defaults on creation). */
    public record Changes(Optional<String> title, Optional<String> repliesPolicy, Optional<Boolean> exclusive) {}

    public List<ClientList> all(Viewer v) {
        return lists.all(db.dsl(), v.accountId());
    }

    public ClientList get(Viewer v, long id) {
        return lists.find(db.dsl(), v.accountId(), id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public ClientList create(Viewer v, Changes c) {
        String title = c.title().map(String::strip).filter(t -> !t.isEmpty())
                .orElseThrow(() -> ApiException.unprocessable("Validation failed: Title can't be blank"));
        return lists.create(db.dsl(), v.accountId(), checkedTitle(title), policy(c.repliesPolicy().orElse("list")), c.exclusive().orElse(false));
    }

    public ClientList update(Viewer v, long id, Changes c) {
        ClientList old = get(v, id);
        String title = c.title().map(String::strip).orElse(old.title());
        if (title.isEmpty()) throw ApiException.unprocessable("Validation failed: Title can't be blank");
        ClientList changed = new ClientList(id, checkedTitle(title), policy(c.repliesPolicy().orElse(old.repliesPolicy())),
                c.exclusive().orElse(old.exclusive()));
        return lists.update(db.dsl(), v.accountId(), changed).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public void delete(Viewer v, long id) {
        if (!lists.delete(db.dsl(), v.accountId(), id)) throw ApiException.notFound(NOT_FOUND);
    }

    /** The owner's lists that hold an account (404 for an unknown account). */
    public List<ClientList> holding(Viewer v, long accountId) {
        DSLContext tx = db.dsl();
        if (accounts.byId(tx, accountId).isEmpty()) throw ApiException.notFound(NOT_FOUND);
        return lists.holding(tx, v.accountId(), accountId);
    }

    /** A page of members, newest added first ({@code limit=0}: all of them, as Mastodon answers it). */
    public Page<Member> members(Viewer v, long id, PageRequest page, boolean all) {
        DSLContext tx = db.dsl();
        get(v, id);
        Optional<Long> after = page.sinceId().or(page::minId);
        List<ListStore.Member> found = lists.members(tx, id, page.maxId(), after, all ? Integer.MAX_VALUE : page.limit());
        Map<Long, AccountFacts> facts = accounts.byIds(tx, found.stream().map(ListStore.Member::accountId).toList());
        List<Member> out = found.stream().filter(m -> facts.containsKey(m.accountId()))
                .map(m -> new Member(facts.get(m.accountId()), m.added())).toList();
        return Page.of(out, Member::added);
    }

    public record Member(AccountFacts account, long added) {}

    /** Adds accounts; each must be followed (accepted or asked for) by the municipality. */
    public void add(Viewer v, long id, List<Long> accountIds) {
        DSLContext tx = db.dsl();
        get(v, id);
        if (accountIds.isEmpty()) throw ApiException.unprocessable("Validation failed: account_ids can't be blank");
        for (long accountId : accountIds) {
            if (accounts.byId(tx, accountId).isEmpty()) throw ApiException.notFound(NOT_FOUND);
            if (!tx.fetchExists(tx.selectOne().from("follow").where("follower_id = ? AND followee_id = ?", v.accountId(), accountId))) {
                throw ApiException.unprocessable("Validation failed: Account must be followed first");
            }
        }
        lists.add(tx, id, accountIds);
    }

    public void remove(Viewer v, long id, List<Long> accountIds) {
        get(v, id);
        lists.remove(db.dsl(), id, accountIds);
    }

    private static String checkedTitle(String title) {
        if (title.length() > 256) throw ApiException.unprocessable("Validation failed: Title is too long (maximum is 256 characters)");
        return title;
    }

    private static String policy(String p) {
        if (!ClientList.REPLIES_POLICIES.contains(p)) throw ApiException.unprocessable("Validation failed: Replies policy is not included in the list");
        return p;
    }
}
