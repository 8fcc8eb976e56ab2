package de.allmende.store;

import de.allmende.domain.client.ClientList;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's lists and their members (migration V17). Every read and write names the owning account, so an
 * id of another municipality's list finds nothing.
 */
public final class ListStore {
    private static final String COLUMNS = "id, title, replies_policy, exclusive";

    public List<ClientList> all(DSLContext tx, long ownerId) {
        return tx.fetch("SELECT " + COLUMNS + " FROM client_list WHERE account_id = ? ORDER BY id", ownerId).map(ListStore::read);
    }

    public Optional<ClientList> find(DSLContext tx, long ownerId, long listId) {
        return tx.fetchOptional("SELECT " + COLUMNS + " FROM client_list WHERE account_id = ? AND id = ?", ownerId, listId).map(ListStore::read);
    }

    public ClientList create(DSLContext tx, long ownerId, String title, String repliesPolicy, boolean exclusive) {
        return read(tx.fetchSingle("INSERT INTO client_list (account_id, title, replies_policy, exclusive) VALUES (?, ?, ?, ?) RETURNING "
                + COLUMNS, ownerId, title, repliesPolicy, exclusive));
    }

    public Optional<ClientList> update(DSLContext tx, long ownerId, ClientList changed) {
        return tx.fetchOptional("UPDATE client_list SET title = ?, replies_policy = ?, exclusive = ? WHERE account_id = ? AND id = ? RETURNING "
                + COLUMNS, changed.title(), changed.repliesPolicy(), changed.exclusive(), ownerId, changed.id()).map(ListStore::read);
    }

    public boolean delete(DSLContext tx, long ownerId, long listId) {
        return tx.execute("DELETE FROM client_list WHERE account_id = ? AND id = ?", ownerId, listId) > 0;
    }

    /** The owner's lists that hold this account. */
    public List<ClientList> holding(DSLContext tx, long ownerId, long memberId) {
        return tx.fetch("SELECT l.id, l.title, l.replies_policy, l.exclusive FROM client_list l JOIN client_list_member m ON m.list_id = l.id"
                + " WHERE l.account_id = ? AND m.account_id = ? ORDER BY l.id", ownerId, memberId).map(ListStore::read);
    }

    /** Member account ids with the cursor they page by (when they were added), newest first. */
    public record Member(long accountId, long added) {}

    public List<Member> members(DSLContext tx, long listId, Optional<Long> maxAdded, Optional<Long> sinceAdded, int limit) {
        return tx.fetch("SELECT account_id, added FROM client_list_member WHERE list_id = ? AND added < ? AND added > ? ORDER BY added DESC LIMIT ?",
                listId, maxAdded.orElse(Long.MAX_VALUE), sinceAdded.orElse(Long.MIN_VALUE), limit)
                .map(r -> new Member(r.get(0, Long.class), r.get(1, Long.class)));
    }

    public void add(DSLContext tx, long listId, Collection<Long> accountIds) {
        for (long id : accountIds) {
            tx.execute("INSERT INTO client_list_member (list_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING", listId, id);
        }
    }

    public void remove(DSLContext tx, long listId, Collection<Long> accountIds) {
        tx.execute("DELETE FROM client_list_member WHERE list_id = ? AND account_id = ANY(?)", listId, (Object) accountIds.toArray(Long[]::new));
    }

    private static ClientList read(Record r) {
        return new ClientList(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Boolean.class));
    }
}
