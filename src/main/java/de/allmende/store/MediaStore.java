package de.allmende.store;

import de.allmende.db.tables.records.MediaRecord;
import de.allmende.domain.FileType;
import de.allmende.domain.Media;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
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
                .execute();
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
        return new Media(r.getId(), r.getActorId(), r.getFileName(), FileType.byMediaType(r.getMediaType()).orElseThrow(),
                r.getSize(), r.getSha256(), Optional.ofNullable(r.getDescription()), r.getCreated().toInstant(), urlOf.apply(r.getId()));
    }
}
