package de.allmende.store;

import de.allmende.domain.client.ClientFilter;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A municipality's filters with their keywords and statuses (migration V17). Reads and writes name the owning
 * account; keywords and statuses are found through their filter's owner, so other municipalities' ids find nothing.
 */
public final class FilterStore {
    private static final String FILTER = "SELECT id, title, context, action, expires_at FROM client_filter WHERE account_id = ?";
    private static final String OWNED = " AND filter_id IN (SELECT id FROM client_filter WHERE account_id = ?)";

    /** All the owner's filters, oldest first; only those still in force when {@code activeOnly}. */
    public List<ClientFilter> all(DSLContext tx, long ownerId, boolean activeOnly) {
        String active = activeOnly ? " AND (expires_at IS NULL OR expires_at > now())" : "";
        return complete(tx, ownerId, tx.fetch(FILTER + active + " ORDER BY id", ownerId));
    }

    public Optional<ClientFilter> find(DSLContext tx, long ownerId, long filterId) {
        return complete(tx, ownerId, tx.fetch(FILTER + " AND id = ?", ownerId, filterId)).stream().findFirst();
    }

    public long create(DSLContext tx, long ownerId, ClientFilter.Settings s) {
        return tx.fetchSingle("INSERT INTO client_filter (account_id, title, context, action, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                ownerId, s.title(), s.context().toArray(String[]::new), s.action(), timestamp(s)).get(0, Long.class);
    }

    public boolean update(DSLContext tx, long ownerId, long filterId, ClientFilter.Settings s) {
        return tx.execute("UPDATE client_filter SET title = ?, context = ?, action = ?, expires_at = ? WHERE account_id = ? AND id = ?",
                s.title(), s.context().toArray(String[]::new), s.action(), timestamp(s), ownerId, filterId) > 0;
    }

    public boolean delete(DSLContext tx, long ownerId, long filterId) {
        return tx.execute("DELETE FROM client_filter WHERE account_id = ? AND id = ?", ownerId, filterId) > 0;
    }

    public ClientFilter.Keyword addKeyword(DSLContext tx, long filterId, String keyword, boolean wholeWord) {
        return keyword(tx.fetchSingle("INSERT INTO client_filter_keyword (filter_id, keyword, whole_word) VALUES (?, ?, ?)"
                + " RETURNING id, filter_id, keyword, whole_word", filterId, keyword, wholeWord));
    }

    public Optional<ClientFilter.Keyword> keyword(DSLContext tx, long ownerId, long keywordId) {
        return tx.fetchOptional("SELECT id, filter_id, keyword, whole_word FROM client_filter_keyword WHERE id = ?" + OWNED, keywordId, ownerId)
                .map(FilterStore::keyword);
    }

    public void updateKeyword(DSLContext tx, long keywordId, String keyword, boolean wholeWord) {
        tx.execute("UPDATE client_filter_keyword SET keyword = ?, whole_word = ? WHERE id = ?", keyword, wholeWord, keywordId);
    }

    public void deleteKeyword(DSLContext tx, long keywordId) {
        tx.execute("DELETE FROM client_filter_keyword WHERE id = ?", keywordId);
    }

    public ClientFilter.FilteredStatus addStatus(DSLContext tx, long filterId, long postId) {
        return status(tx.fetchSingle("INSERT INTO client_filter_status (filter_id, post_id) VALUES (?, ?) ON CONFLICT (filter_id, post_id)"
                + " DO UPDATE SET post_id = excluded.post_id RETURNING id, filter_id, post_id", filterId, postId));
    }

    public Optional<ClientFilter.FilteredStatus> status(DSLContext tx, long ownerId, long filteredStatusId) {
        return tx.fetchOptional("SELECT id, filter_id, post_id FROM client_filter_status WHERE id = ?" + OWNED, filteredStatusId, ownerId)
                .map(FilterStore::status);
    }

    public void deleteStatus(DSLContext tx, long filteredStatusId) {
        tx.execute("DELETE FROM client_filter_status WHERE id = ?", filteredStatusId);
    }

    /** Filters with their keywords and statuses, in three queries for all of them. */
    private static List<ClientFilter> complete(DSLContext tx, long ownerId, List<? extends Record> rows) {
        if (rows.isEmpty()) return List.of();
        Long[] ids = rows.stream().map(r -> r.get(0, Long.class)).toArray(Long[]::new);
        Map<Long, List<ClientFilter.Keyword>> keywords = new HashMap<>();
        tx.fetch("SELECT id, filter_id, keyword, whole_word FROM client_filter_keyword WHERE filter_id = ANY(?) ORDER BY id", (Object) ids)
                .forEach(r -> keywords.computeIfAbsent(r.get(1, Long.class), k -> new ArrayList<>()).add(keyword(r)));
        Map<Long, List<ClientFilter.FilteredStatus>> statuses = new HashMap<>();
        tx.fetch("SELECT id, filter_id, post_id FROM client_filter_status WHERE filter_id = ANY(?) ORDER BY id", (Object) ids)
                .forEach(r -> statuses.computeIfAbsent(r.get(1, Long.class), k -> new ArrayList<>()).add(status(r)));
        return rows.stream().map(r -> {
            long id = r.get(0, Long.class);
            OffsetDateTime expires = r.get(4, OffsetDateTime.class);
            return new ClientFilter(id, r.get(1, String.class), List.of(r.get(2, String[].class)), r.get(3, String.class),
                    Optional.ofNullable(expires).map(OffsetDateTime::toInstant), keywords.getOrDefault(id, List.of()), statuses.getOrDefault(id, List.of()));
        }).toList();
    }

    private static Timestamp timestamp(ClientFilter.Settings s) {
        return s.expiresAt().map(Timestamp::from).orElse(null);
    }

    private static ClientFilter.Keyword keyword(Record r) {
        return new ClientFilter.Keyword(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, Boolean.class));
    }

    private static ClientFilter.FilteredStatus status(Record r) {
        return new ClientFilter.FilteredStatus(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class));
    }
}
