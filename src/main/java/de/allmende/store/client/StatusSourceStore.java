package de.allmende.store.client;

import de.allmende.domain.client.StatusRevision;
import de.allmende.domain.client.StatusSource;
import org.jooq.DSLContext;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.STATUS_EDIT;
import static de.allmende.db.Tables.STATUS_SOURCE;

/** What a person typed for a status (its source) and the versions of an edited status. */
public final class StatusSourceStore {

    /** Keeps the source of a status, new or edited. */
    public void save(DSLContext tx, StatusSource s) {
        tx.insertInto(STATUS_SOURCE).set(STATUS_SOURCE.POST_ID, s.id()).set(STATUS_SOURCE.TEXT, s.text())
                .set(STATUS_SOURCE.SPOILER_TEXT, s.spoilerText())
                .onConflict(STATUS_SOURCE.POST_ID).doUpdate()
                .set(STATUS_SOURCE.TEXT, s.text()).set(STATUS_SOURCE.SPOILER_TEXT, s.spoilerText()).execute();
    }

    public Optional<StatusSource> find(DSLContext tx, long postId) {
        return tx.selectFrom(STATUS_SOURCE).where(STATUS_SOURCE.POST_ID.eq(postId))
                .fetchOptional(r -> new StatusSource(r.getPostId(), r.getText(), r.getSpoilerText()));
    }

    /** Adds a version of a status. */
    public void addRevision(DSLContext tx, long postId, StatusRevision r) {
        tx.insertInto(STATUS_EDIT).set(STATUS_EDIT.POST_ID, postId).set(STATUS_EDIT.CONTENT, r.html())
                .set(STATUS_EDIT.SPOILER_TEXT, r.spoilerText()).set(STATUS_EDIT.SENSITIVE, r.sensitive())
                .set(STATUS_EDIT.CREATED_AT, r.at().atOffset(ZoneOffset.UTC)).execute();
    }

    /** The versions kept of a status, oldest first; none if it was never edited here. */
    public List<StatusRevision> revisions(DSLContext tx, long postId) {
        return tx.selectFrom(STATUS_EDIT).where(STATUS_EDIT.POST_ID.eq(postId)).orderBy(STATUS_EDIT.ID)
                .fetch(r -> new StatusRevision(r.getContent(), r.getSpoilerText(), r.getSensitive(), r.getCreatedAt().toInstant()));
    }
}
