package de.allmende.store;

import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.db.tables.records.PostRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import static de.allmende.db.Tables.ACCOUNT;
import static de.allmende.db.Tables.POST;
import static de.allmende.db.Tables.REMOTE_ACTOR;

/**
 * Posts as typed rows ({@link Post}), local and remote, under snowflake ids. The JSON a post was received or
 * published as stays in {@code ap_object}; this is what timelines, notifications and search read.
 */
public final class PostStore {
    /** The IRI of the post a boost names (the row keeps its id, {@code reblog_of_id}; the domain names posts by IRI). */
    private static final Field<String> REBLOG_OF = reblogOf();

    /** A post with the id this node gave it and the id of its author's account. */
    public record StoredPost(long id, long authorId, Post post, Optional<Instant> deleted) {}

    /**
     * Stores a post, or its edit if a post with this IRI is stored: the id stays, the rest is replaced.
     * Returns the post's id. Boosts are saved by {@link BoostStore}, which names the boosted post by its id.
     */
    public long save(DSLContext tx, Post p, long authorId, Optional<Long> objectId) {
        PostColumns c = PostColumns.of(p);
        return tx.insertInto(POST)
                .set(POST.IRI, p.iri().toString()).set(POST.AUTHOR_ID, authorId).set(POST.AUTHOR_IRI, p.author().toString())
                .set(POST.OBJECT_ID, objectId.orElse(null)).set(POST.PUBLISHED, at(p.published()))
                .set(c.values())
                .onConflict(POST.IRI).doUpdate()
                .set(POST.OBJECT_ID, objectId.orElse(null))
                .set(c.values())
                .returning(POST.ID).fetchOne().getId();
    }

    /** A post to save with its author's account and the row of its object, as {@link #saveAll} takes it. */
    public record Saving(Post post, long authorId, Optional<Long> objectId) {}

    /**
     * {@link #save} of several posts in one statement (one row per post IRI); returns their ids by IRI. A backfill
     * saves a page's posts so.
     */
    public java.util.Map<URI, Long> saveAll(DSLContext tx, java.util.List<Saving> posts) {
        if (posts.isEmpty()) return java.util.Map.of();
        org.jooq.InsertSetMoreStep<PostRecord> insert = null;
        java.util.Map<Field<?>, Field<?>> replaced = new java.util.LinkedHashMap<>();
        for (Saving s : posts) {
            Post p = s.post();
            PostColumns c = PostColumns.of(p);
            var row = (insert == null ? tx.insertInto(POST) : insert.newRecord())
                    .set(POST.IRI, p.iri().toString()).set(POST.AUTHOR_ID, s.authorId()).set(POST.AUTHOR_IRI, p.author().toString())
                    .set(POST.OBJECT_ID, s.objectId().orElse(null)).set(POST.PUBLISHED, at(p.published()));
            insert = row.set(c.values());
            if (replaced.isEmpty()) {
                replaced.put(POST.OBJECT_ID, DSL.excluded(POST.OBJECT_ID));
                c.values().keySet().forEach(f -> replaced.put(f, DSL.excluded(f)));
            }
        }
        return insert.onConflict(POST.IRI).doUpdate().set(replaced).returning(POST.ID, POST.IRI).fetch()
                .stream().collect(java.util.stream.Collectors.toMap(r -> URI.create(r.getIri()), PostRecord::getId));
    }

    public Optional<StoredPost> find(DSLContext tx, URI iri) {
        return tx.select(POST.fields()).select(REBLOG_OF).from(POST).where(POST.IRI.eq(iri.toString())).fetchOptional(PostStore::read);
    }

    /** The id of the post with this IRI, if it is one here. */
    public Optional<Long> idOf(DSLContext tx, URI iri) {
        return tx.select(POST.ID).from(POST).where(POST.IRI.eq(iri.toString())).fetchOptional(POST.ID);
    }

    /** The ids of those of these IRIs that are posts here, by IRI. */
    public java.util.Map<URI, Long> idsOf(DSLContext tx, java.util.Collection<URI> iris) {
        if (iris.isEmpty()) return java.util.Map.of();
        return tx.select(POST.IRI, POST.ID).from(POST).where(POST.IRI.in(iris.stream().map(URI::toString).toList()))
                .fetchMap(r -> URI.create(r.value1()), r -> r.value2());
    }

    public Optional<StoredPost> find(DSLContext tx, long id) {
        return tx.select(POST.fields()).select(REBLOG_OF).from(POST).where(POST.ID.eq(id)).fetchOptional(PostStore::read);
    }

    /** The posts with these ids that are here, in one query. */
    public java.util.List<StoredPost> find(DSLContext tx, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return java.util.List.of();
        return tx.select(POST.fields()).select(REBLOG_OF).from(POST).where(POST.ID.in(ids)).fetch(PostStore::read);
    }

    /** Marks a post deleted (a Tombstone stays for its IRI); false if there is none. */
    public boolean markDeleted(DSLContext tx, URI iri, Instant when) {
        return tx.update(POST).set(POST.DELETED, at(when)).where(POST.IRI.eq(iri.toString())).and(POST.DELETED.isNull()).execute() == 1;
    }

    /** The account of a local actor (made with the actor, see migration V8). */
    public long accountOfLocal(DSLContext tx, long actorId) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.LOCAL_ACTOR_ID.eq(actorId)).fetchSingle().value1();
    }

    /** The account of a remote actor we have stored, by its IRI. */
    public Optional<Long> accountOfRemote(DSLContext tx, URI actor) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT).join(REMOTE_ACTOR).on(REMOTE_ACTOR.ID.eq(ACCOUNT.REMOTE_ACTOR_ID))
                .where(REMOTE_ACTOR.IRI.eq(actor.toString())).fetchOptional(ACCOUNT.ID);
    }

    private static StoredPost read(Record row) {
        PostRecord r = row.into(POST);
        Post p = new Post(URI.create(r.getIri()), URI.create(r.getAuthorIri()), PostKind.valueOf(r.getKind().toUpperCase()),
                PostColumns.audience(r.getAudience()), Visibility.valueOf(r.getVisibility().toUpperCase()),
                Optional.ofNullable(r.getInReplyTo()).map(URI::create), Optional.ofNullable(r.getConversation()).map(URI::create),
                Optional.ofNullable(row.get(REBLOG_OF)).map(URI::create),
                PostColumns.languageMap(r.getName()), PostColumns.languageMap(r.getSummary()), PostColumns.languageMap(r.getContent()),
                r.getSensitive(), Arrays.asList(r.getHashtags()), Arrays.stream(r.getMentions()).map(URI::create).toList(),
                PostColumns.attachments(r.getAttachments()), PostColumns.event(r.getEvent()),
                r.getPublished().toInstant(), Optional.ofNullable(r.getUpdated()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getUrl()).map(URI::create),
                r.getOriginHost() == null ? Origin.LOCAL : new Origin.Remote(r.getOriginHost(), r.getProofVerified()));
        return new StoredPost(r.getId(), r.getAuthorId(), p, Optional.ofNullable(r.getDeleted()).map(OffsetDateTime::toInstant));
    }

    private static Field<String> reblogOf() {
        var boosted = POST.as("boosted");
        return DSL.field(DSL.select(boosted.IRI).from(boosted).where(boosted.ID.eq(POST.REBLOG_OF_ID))).as("reblog_of_iri");
    }

    static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
