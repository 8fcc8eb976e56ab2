package de.allmende.service.media;

import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.FileType;
import de.allmende.domain.Focus;
import de.allmende.domain.ImageFacts;
import de.allmende.domain.LocalActor;
import de.allmende.domain.Media;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ValidationException;
import de.allmende.service.port.LocalIris;
import de.allmende.store.MediaStore;
import de.allmende.support.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded images and documents. An upload is checked completely (type from the bytes, size per
 * type) before anything is kept; then the file is moved into place and only after that the row is
 * written, so a row always has its file. A crash in between leaves a file without a row, which
 * {@link #removeOrphans()} deletes later.
 */
public final class MediaService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaService.class);
    /** Mastodon's limit for alt text. */
    static final int MAX_DESCRIPTION = 1500;
    /** Files without a row are kept this long, so uploads in progress in any process are never touched. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final String ACCEPTED = "accepted are images (PNG, JPEG, WebP, GIF; up to "
            + FileType.Category.IMAGE.maxMegabytes() + " MB) and documents (PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, CSV, TXT; up to "
            + FileType.Category.DOCUMENT.maxMegabytes() + " MB)";

    private final Database db;
    private final MediaStore store;
    private final MediaFiles files;
    private final FileTypeDetector detector;
    private final LocalIris iris;
    private final Clock clock;
    private final ImageProcessor images = new ImageProcessor();

    public MediaService(Database db, MediaStore store, MediaFiles files, FileTypeDetector detector, LocalIris iris, Clock clock) {
        this.db = db;
        this.store = store;
        this.files = files;
        this.detector = detector;
        this.iris = iris;
        this.clock = clock;
    }

    /** A stored file ready to be sent. */
    public record Download(Media media, Path path) {}

    /** Where uploads should be written while they arrive (same file system as the stored files). */
    public Path incomingDirectory() {
        return files.incoming();
    }

    /**
     * Checks and keeps an upload for {@code owner}. Refused uploads leave nothing behind: 413 when too
     * large for their type, 415 when the type is not accepted or contradicts the declared one, 422 for
     * an empty file or a bad description.
     */
    public Media upload(LocalActor owner, MediaUpload upload) {
        Optional<String> description = cleanDescription(upload.description());
        String name = FileNames.displayName(upload.fileName());
        try {
            long size = Files.size(upload.file());
            if (size == 0) throw new ValidationException(List.of(new FieldError("file", "the file is empty")));
            if (size > FileType.largestAllowed()) throw tooLarge(FileType.Category.DOCUMENT);
            FileType type = checkType(upload, name);
            if (size > type.category().maxBytes()) throw tooLarge(type.category());
            if (type.category() == FileType.Category.IMAGE) { // no GPS position or camera serial number in what is published
                MetadataStripper.strip(upload.file(), type);
                size = Files.size(upload.file());
            }
            UUID id = UUID.randomUUID();
            Media media = new Media(id, owner.id(), name, type, size, sha256(upload.file()), description,
                    clock.instant().truncatedTo(ChronoUnit.MICROS), iris.media(id));
            if (media.isImage()) return keepImage(media, upload.file());
            files.store(upload.file(), id);
            try {
                store.insert(db.dsl(), media);
            } catch (RuntimeException e) {
                files.delete(id);
                throw e;
            }
            return media;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload", e);
        }
    }

    /**
     * An image with its preview and BlurHash: decoded first (422 if it cannot be, or is too large in pixels), then
     * both files are put in place, then both rows written in one transaction.
     */
    private Media keepImage(Media original, Path upload) throws IOException {
        Path previewFile = Files.createTempFile(files.incoming(), "preview", ".tmp");
        try {
            ImageProcessor.Processed p = images.process(upload, previewFile);
            UUID previewId = UUID.randomUUID();
            FileType previewType = p.previewFormat().equals("png") ? FileType.PNG : FileType.JPEG;
            Media preview = new Media(previewId, original.actorId(), "preview-" + original.fileName(), previewType,
                    Files.size(previewFile), sha256(previewFile), Optional.empty(), original.created(), iris.media(previewId));
            Media media = original.withImage(new ImageFacts(p.width(), p.height(), p.blurhash(), previewId, p.previewWidth(), p.previewHeight()));
            files.store(upload, media.id());
            files.store(previewFile, previewId);
            try {
                db.dsl().transaction(cfg -> {
                    store.insert(cfg.dsl(), media);
                    store.insertPreview(cfg.dsl(), preview, media.id());
                });
            } catch (RuntimeException e) {
                files.delete(media.id());
                files.delete(previewId);
                throw e;
            }
            return media;
        } finally {
            Files.deleteIfExists(previewFile); // moved away on success
        }
    }

    /**
     * New alt text and focal point for a file of {@code owner} (404 for other municipalities' files, 422 once a
     * post shows it: the post was published with what it said then).
     */
    public Media describe(LocalActor owner, UUID id, Optional<String> description, Optional<Focus> focus) {
        Media m = get(owner, id);
        if (m.attachedTo().isPresent()) {
            throw new ValidationException(List.of(new FieldError("id", "the file is attached to a published post; edit the post instead")));
        }
        Optional<String> text = description.isPresent() ? cleanDescription(description) : m.description();
        store.describe(db.dsl(), id, owner.id(), text, focus.orElse(m.focus()));
        return get(owner, id);
    }

    /** Any municipality's file by id, for attaching it to content and for the public download. */
    public Optional<Media> find(UUID id) {
        return store.findById(db.dsl(), id);
    }

    /** A file of {@code owner}; 404 for other municipalities' files as for missing ones. */
    public Media get(LocalActor owner, UUID id) {
        return find(id).filter(m -> m.actorId() == owner.id()).orElseThrow(MediaService::notFound);
    }

    /** Deletes a file of {@code owner}: first the row (it then no longer resolves), then the file. */
    public void delete(LocalActor owner, UUID id) {
        Optional<UUID> preview = find(id).flatMap(Media::image).map(ImageFacts::previewId);
        if (!store.delete(db.dsl(), id, owner.id())) throw notFound(); // the preview's row goes with it
        files.delete(id);
        preview.ifPresent(files::delete);
    }

    /** The file and its metadata, if both exist. */
    public Optional<Download> download(UUID id) {
        return find(id).flatMap(m -> files.find(id).map(p -> new Download(m, p)));
    }

    /** Deletes files left by crashes and interrupted uploads. Safe to run at any time in any process. */
    public int removeOrphans() {
        try {
            int removed = files.removeOrphans(ids -> store.existing(db.dsl(), ids), clock.instant().minus(ORPHAN_AGE));
            if (removed > 0) LOG.info("removed {} orphaned media files", removed);
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the media folder", e);
        }
    }

    private FileType checkType(MediaUpload upload, String name) throws IOException {
        String detected = detector.detect(upload.file(), name, upload.declaredType());
        if (detector.contradicts(upload.declaredType(), detected)) {
            throw ApiException.ofField(415, "unsupported media type", "file",
                    "declared as " + upload.declaredType().strip() + ", but the content is " + detected);
        }
        return FileType.byMediaType(detected).orElseThrow(() ->
                ApiException.ofField(415, "unsupported media type", "file", detected + " is not accepted; " + ACCEPTED));
    }

    private static ApiException tooLarge(FileType.Category category) {
        return ApiException.ofField(413, "file too large", "file",
                (category == FileType.Category.IMAGE ? "images" : "files") + " may be at most " + category.maxMegabytes() + " MB");
    }

    private static Optional<String> cleanDescription(Optional<String> description) {
        Optional<String> clean = description
                .map(d -> d.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip())
                .filter(d -> !d.isEmpty());
        if (clean.map(d -> d.codePointCount(0, d.length()) > MAX_DESCRIPTION).orElse(false)) {
            throw new ValidationException(List.of(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters")));
        }
        return clean;
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("no such media");
    }
}
