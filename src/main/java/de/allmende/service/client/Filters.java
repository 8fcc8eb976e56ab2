package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.ClientFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.store.FilterStore;
import de.allmende.store.TimelineStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's filters, v2 (docs.joinmastodon.org/methods/filters): a title, where it applies, what it does, until
 * when, keywords and statuses. They belong to the municipality's account; other municipalities' ids are 404.
 * Applying them to statuses is {@link FilterMatcher}'s.
 */
public final class Filters {
    private static final String NOT_FOUND = "Record not found";
    private final Database db;
    private final FilterStore store = new FilterStore();
    private final TimelineStore timelines = new TimelineStore();

    public Filters(Database db) {
        this.db = db;
    }

    /** A keyword as a client gives it: a new one (no id), a change of one (id), or its removal ({@code destroy}). */
    public record KeywordInput(Optional<Long> id, Optional<String> keyword, Optional<Boolean> wholeWord, boolean destroy) {}

    /** A filter as a client gives it; absent values keep the filter's (or Mastodon's defaults on creation). */
    public record Input(Optional<String> title, Optional<List<String>> context, Optional<String> action,
                        Optional<Optional<Instant>> expiresAt, List<KeywordInput> keywords) {}

    public List<ClientFilter> all(Viewer v) {
        return store.all(db.dsl(), v.accountId(), false);
    }

    public ClientFilter get(Viewer v, long id) {
        return store.find(db.dsl(), v.accountId(), id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public ClientFilter create(Viewer v, Input in) {
        ClientFilter.Settings s = settings(in, new ClientFilter.Settings("", List.of(), "warn", Optional.empty()));
        return db.dsl().transactionResult(c -> {
            long id = store.create(c.dsl(), v.accountId(), s);
            keywords(c.dsl(), v, id, in.keywords());
            return store.find(c.dsl(), v.accountId(), id).orElseThrow();
        });
    }

    public ClientFilter update(Viewer v, long id, Input in) {
        ClientFilter old = get(v, id);
        ClientFilter.Settings s = settings(in, new ClientFilter.Settings(old.title(), old.context(), old.action(), old.expiresAt()));
        return db.dsl().transactionResult(c -> {
            if (!store.update(c.dsl(), v.accountId(), id, s)) throw ApiException.notFound(NOT_FOUND);
            keywords(c.dsl(), v, id, in.keywords());
            return store.find(c.dsl(), v.accountId(), id).orElseThrow();
        });
    }

    /**
     * A v1 update of one keyword and its filter's settings. As Mastodon: settings of a filter with several keywords
     * cannot change through one of them (422).
     */
    public ClientFilter updateV1(Viewer v, ClientFilter.Keyword keyword, Input in) {
        ClientFilter old = get(v, keyword.filterId());
        ClientFilter.Settings before = new ClientFilter.Settings(old.title(), old.context(), old.action(), old.expiresAt());
        boolean settingsChange = !settings(in, before).equals(before);
        if (settingsChange && old.keywords().size() > 1) {
            throw ApiException.unprocessable("Validation failed: this filter has several keywords; change it through the v2 API");
        }
        return update(v, old.id(), in);
    }

    public void delete(Viewer v, long id) {
        if (!store.delete(db.dsl(), v.accountId(), id)) throw ApiException.notFound(NOT_FOUND);
    }

    public ClientFilter.Keyword addKeyword(Viewer v, long filterId, String keyword, boolean wholeWord) {
        get(v, filterId);
        return store.addKeyword(db.dsl(), filterId, checkedKeyword(keyword), wholeWord);
    }

    public ClientFilter.Keyword keyword(Viewer v, long keywordId) {
        return store.keyword(db.dsl(), v.accountId(), keywordId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public ClientFilter.Keyword updateKeyword(Viewer v, long keywordId, Optional<String> keyword, Optional<Boolean> wholeWord) {
        ClientFilter.Keyword old = keyword(v, keywordId);
        String text = checkedKeyword(keyword.orElse(old.keyword()));
        boolean whole = wholeWord.orElse(old.wholeWord());
        store.updateKeyword(db.dsl(), keywordId, text, whole);
        return new ClientFilter.Keyword(keywordId, old.filterId(), text, whole);
    }

    public void deleteKeyword(Viewer v, long keywordId) {
        store.deleteKeyword(db.dsl(), keyword(v, keywordId).id());
    }

    /** Adds a status the municipality may see to the filter (404 for one it may not, as for an unknown one). */
    public ClientFilter.FilteredStatus addStatus(Viewer v, long filterId, long statusId) {
        get(v, filterId);
        DSLContext tx = db.dsl();
        if (!timelines.isVisible(tx, v, statusId)) throw ApiException.notFound(NOT_FOUND);
        return store.addStatus(tx, filterId, statusId);
    }

    public ClientFilter.FilteredStatus status(Viewer v, long filteredStatusId) {
        return store.status(db.dsl(), v.accountId(), filteredStatusId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public void deleteStatus(Viewer v, long filteredStatusId) {
        store.deleteStatus(db.dsl(), status(v, filteredStatusId).id());
    }

    private void keywords(DSLContext tx, Viewer v, long filterId, List<KeywordInput> inputs) {
        for (KeywordInput k : inputs) {
            if (k.id().isEmpty()) {
                if (!k.destroy()) store.addKeyword(tx, filterId, checkedKeyword(k.keyword().orElse("")), k.wholeWord().orElse(true));
                continue;
            }
            ClientFilter.Keyword old = store.keyword(tx, v.accountId(), k.id().get()).filter(o -> o.filterId() == filterId)
                    .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            if (k.destroy()) store.deleteKeyword(tx, old.id());
            else store.updateKeyword(tx, old.id(), checkedKeyword(k.keyword().orElse(old.keyword())), k.wholeWord().orElse(old.wholeWord()));
        }
    }

    private static ClientFilter.Settings settings(Input in, ClientFilter.Settings old) {
        String title = in.title().map(String::strip).orElse(old.title());
        if (title.isEmpty()) throw ApiException.unprocessable("Validation failed: Title can't be blank");
        if (title.length() > 256) throw ApiException.unprocessable("Validation failed: Title is too long (maximum is 256 characters)");
        List<String> context = in.context().map(c -> c.stream().distinct().toList()).orElse(old.context());
        if (context.isEmpty()) throw ApiException.unprocessable("Validation failed: Context can't be blank");
        if (!ClientFilter.CONTEXTS.containsAll(context)) throw ApiException.unprocessable("Validation failed: Context None or invalid context supplied");
        String action = in.action().orElse(old.action());
        if (!ClientFilter.ACTIONS.contains(action)) throw ApiException.unprocessable("Validation failed: Filter action is not included in the list");
        return new ClientFilter.Settings(title, context, action, in.expiresAt().orElse(old.expiresAt()));
    }

    private static String checkedKeyword(String keyword) {
        String k = keyword.strip();
        if (k.isEmpty()) throw ApiException.unprocessable("Validation failed: Keyword can't be blank");
        if (k.length() > 512) throw ApiException.unprocessable("Validation failed: Keyword is too long (maximum is 512 characters)");
        return k;
    }
}
