package de.allmende.store;

import de.allmende.db.tables.records.MediaRecord;
import de.allmende.domain.FileType;
import de.allmende.domain.Focus;
import de.allmende.domain.ImageFacts;
import de.allmende.domain.Media;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static de.allmende.db.Tables.MEDIA;

/** Rows of uploaded files. A row is only written once its file is in place (see MediaService). */
public final class MediaStore {
    private final Function<UUID, URI> urlOf;

    /** @param urlOf where the file with this id is served (the route table knows) */
    public MediaStore(Function<UUID, URI> urlOf) {
        this.urlOf = urlOf;
    }

    public void insert(DSLContext tx, Media m) {
        tx.insertInto(MEDIA)
                .set(MEDIA.ID, m.id())
                .set(MEDIA.ACTOR_ID, m.actorId())
                .set(MEDIA.FILE_NAME, m.fileName())
                .set(MEDIA.MEDIA_TYPE, m.mediaType())
                .set(MEDIA.SIZE, m.size())
                .set(MEDIA.SHA256, m.sha256())
                .set(MEDIA.DESCRIPTION, m.description().orElse(null))
                .set(MEDIA.CREATED, OffsetDateTime.ofInstant(m.created(), ZoneOffset.UTC))
                .set(MEDIA.WIDTH, m.image().map(ImageFacts::width).orElse(null))
                .set(MEDIA.HEIGHT, m.image().map(ImageFacts::height).orElse(null))
                .set(MEDIA.BLURHASH, m.image().map(ImageFacts::blurhash).orElse(null))
                .set(MEDIA.PREVIEW_ID, m.image().map(ImageFacts::previewId).orElse(null))
                .set(MEDIA.PREVIEW_WIDTH, m.image().map(ImageFacts::previewWidth).orElse(null))
                .set(MEDIA.PREVIEW_HEIGHT, m.image().map(ImageFacts::previewHeight).orElse(null))
                .set(MEDIA.FOCUS_X, (float) m.focus().x())
                .set(MEDIA.FOCUS_Y, (float) m.focus().y())
                .execute();
    }

    /** The preview of {@code original}: a file of its own, removed with it. */
    public void insertPreview(DSLContext tx, Media preview, UUID original) {
        insert(tx, preview);
        tx.update(MEDIA).set(MEDIA.PREVIEW_OF, original).where(MEDIA.ID.eq(preview.id())).execute();
    }

    /** New alt text and focal point of the actor's file; false if it has none such. */
    public boolean describe(DSLContext tx, UUID id, long actorId, Optional<String> description, Focus focus) {
        return tx.update(MEDIA).set(MEDIA.DESCRIPTION, description.orElse(null))
                .set(MEDIA.FOCUS_X, (float) focus.x()).set(MEDIA.FOCUS_Y, (float) focus.y())
                .where(MEDIA.ID.eq(id), MEDIA.ACTOR_ID.eq(actorId)).execute() == 1;
    }

    /** The files with these ids, locked until the transaction ends (so two posts cannot both take one). */
    public List<Media> lockAll(DSLContext tx, Collection<UUID> ids) {
        return tx.selectFrom(MEDIA).where(MEDIA.ID.in(ids)).forUpdate().fetch(this::toMedia);
    }

    /** Marks the files as shown by the local post {@code post}. */
    public void attach(DSLContext tx, Collection<UUID> ids, URI post) {
        tx.update(MEDIA).set(MEDIA.ATTACHED_TO, post.toString()).where(MEDIA.ID.in(ids)).execute();
    }

    public Optional<Media> findById(DSLContext tx, UUID id) {
        return tx.selectFrom(MEDIA).where(MEDIA.ID.eq(id)).fetchOptional(this::toMedia);
    }

    /** Deletes the row if it belongs to the actor; false if there was none. */
    public boolean delete(DSLContext tx, UUID id, long actorId) {
        return tx.deleteFrom(MEDIA).where(MEDIA.ID.eq(id), MEDIA.ACTOR_ID.eq(actorId)).execute() == 1;
    }

    /** Which of these ids have a row. */
    public Set<UUID> existing(DSLContext tx, Collection<UUID> ids) {
        return new HashSet<>(tx.select(MEDIA.ID).from(MEDIA).where(MEDIA.ID.in(ids)).fetch(MEDIA.ID));
    }

    private Media toMedia(MediaRecord r) {
        Optional<ImageFacts> image = r.getPreviewId() == null ? Optional.empty() : Optional.of(new ImageFacts(r.getWidth(), r.getHeight(),
                r.getBlurhash(), r.getPreviewId(), r.getPreviewWidth(), r.getPreviewHeight()));
        return new Media(r.getId(), r.getActorId(), r.getFileName(), FileType.byMediaType(r.getMediaType()).orElseThrow(),
                r.getSize(), r.getSha256(), Optional.ofNullable(r.getDescription()), r.getCreated().toInstant(), urlOf.apply(r.getId()),
                image, new Focus(r.getFocusX(), r.getFocusY()), Optional.ofNullable(r.getAttachedTo()).map(URI::create));
    }
}
