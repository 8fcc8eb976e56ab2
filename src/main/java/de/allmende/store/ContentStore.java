package de.allmende.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static de.allmende.db.Tables.CONTENT;

/** Local municipal content as the staff API sees it (domain JSON), with columns for filters and paging. */
public final class ContentStore {

    public record StoredContent(UUID id, ContentKind kind, long actorId, String iri, ObjectNode data,
                                Instant published, Instant updated, Optional<Instant> deleted) {}

    /** Columns derived from the data for filtering; null when they do not apply. */
    public record Index(String project, Instant starts) {}

    /** Where a page of a listing starts: after this (published, id), newest first. */
    public record Cursor(Instant published, UUID id) {}

    /** List filters; null means "any". fieldOfAction and status are codes. */
    public record Filter(String fieldOfAction, String status, String project, Instant startsFrom, Instant startsTo,
                         Instant updatedSince) {
        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    public void insert(DSLContext tx, UUID id, ContentKind kind, long actorId, String iri, ObjectNode data, Index index, Instant now) {
        tx.insertInto(CONTENT).set(CONTENT.ID, id).set(CONTENT.KIND, kind.code()).set(CONTENT.ACTOR_ID, actorId)
                .set(CONTENT.IRI, iri).set(CONTENT.DATA, JSONB.valueOf(data.toString()))
                .set(CONTENT.PROJECT, index.project()).set(CONTENT.STARTS, time(index.starts()))
                .set(CONTENT.PUBLISHED, time(now)).set(CONTENT.UPDATED, time(now)).execute();
    }

    public void update(DSLContext tx, UUID id, ObjectNode data, Index index, Instant now) {
        tx.update(CONTENT).set(CONTENT.DATA, JSONB.valueOf(data.toString())).set(CONTENT.PROJECT, index.project())
                .set(CONTENT.STARTS, time(index.starts())).set(CONTENT.UPDATED, time(now))
                .where(CONTENT.ID.eq(id), CONTENT.DELETED.isNull()).execute();
    }

    public void markDeleted(DSLContext tx, UUID id, Instant now) {
        tx.update(CONTENT).set(CONTENT.DELETED, time(now)).where(CONTENT.ID.eq(id), CONTENT.DELETED.isNull()).execute();
    }

    public Optional<StoredContent> find(DSLContext tx, long actorId, ContentKind kind, UUID id) {
        return tx.selectFrom(CONTENT).where(CONTENT.ID.eq(id), CONTENT.ACTOR_ID.eq(actorId), CONTENT.KIND.eq(kind.code()))
                .fetchOptional(ContentStore::map);
    }

    /** The row, locked: edits of one item are serialised, so two edits cannot both start from the same version. */
    public Optional<StoredContent> findForUpdate(DSLContext tx, long actorId, ContentKind kind, UUID id) {
        return tx.selectFrom(CONTENT).where(CONTENT.ID.eq(id), CONTENT.ACTOR_ID.eq(actorId), CONTENT.KIND.eq(kind.code()))
                .forUpdate().fetchOptional(ContentStore::map);
    }

    public Optional<StoredContent> findByIri(DSLContext tx, String iri) {
        return tx.selectFrom(CONTENT).where(CONTENT.IRI.eq(iri)).fetchOptional(ContentStore::map);
    }

    /** Newest first; {@code kind} null lists every kind (feeds and pages). Deleted items are never listed. */
    public List<StoredContent> list(DSLContext tx, long actorId, ContentKind kind, Filter f, Cursor after, int limit) {
        List<Condition> where = new ArrayList<>(List.of(CONTENT.ACTOR_ID.eq(actorId), CONTENT.DELETED.isNull()));
        if (kind != null) where.add(CONTENT.KIND.eq(kind.code()));
        if (f.fieldOfAction() != null) where.add(DSL.condition("{0} -> 'fieldsOfAction' @> jsonb_build_array({1}::text)", CONTENT.DATA, DSL.val(f.fieldOfAction())));
        if (f.status() != null) where.add(DSL.condition("{0} -> 'status' ->> 'value' = {1}", CONTENT.DATA, DSL.val(f.status())));
        if (f.project() != null) where.add(CONTENT.PROJECT.eq(f.project()));
        if (f.startsFrom() != null) where.add(CONTENT.STARTS.ge(time(f.startsFrom())));
        if (f.startsTo() != null) where.add(CONTENT.STARTS.lt(time(f.startsTo())));
        if (f.updatedSince() != null) where.add(CONTENT.UPDATED.ge(time(f.updatedSince())));
        if (after != null) where.add(DSL.row(CONTENT.PUBLISHED, CONTENT.ID).lt(time(after.published()), after.id()));
        return tx.selectFrom(CONTENT).where(where).orderBy(CONTENT.PUBLISHED.desc(), CONTENT.ID.desc()).limit(limit)
                .fetch(ContentStore::map);
    }

    /** Events of an actor starting in [from, to), by start time (calendars). */
    public List<StoredContent> events(DSLContext tx, long actorId, Instant from, Instant to, int limit) {
        return tx.selectFrom(CONTENT).where(CONTENT.ACTOR_ID.eq(actorId), CONTENT.KIND.eq(ContentKind.EVENT.code()),
                        CONTENT.DELETED.isNull(), CONTENT.STARTS.ge(time(from)), CONTENT.STARTS.lt(time(to)))
                .orderBy(CONTENT.STARTS.asc(), CONTENT.ID.asc()).limit(limit).fetch(ContentStore::map);
    }

    private static StoredContent map(de.allmende.db.tables.records.ContentRecord r) {
        return new StoredContent(r.getId(), ContentKind.byCode(r.getKind()).orElseThrow(), r.getActorId(), r.getIri(),
                (ObjectNode) ObjectStore.read(r.getData()), r.getPublished().toInstant(), r.getUpdated().toInstant(),
                Optional.ofNullable(r.getDeleted()).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
