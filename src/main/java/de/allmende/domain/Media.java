package de.allmende.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded image or document of a municipality.
 *
 * @param fileName    the client's file name, cleaned for display only (never a path)
 * @param description alt text for images, a caption for documents
 * @param url         where anyone can fetch the file
 * @param image       for images: size, BlurHash and preview (none for documents, and for images stored before them)
 * @param focus       where an image's subject is, for cropped previews
 * @param attachedTo  the local post that shows the file, if one does (a file is attached to one post at most)
 */
public record Media(
        UUID id,
        long actorId,
        String fileName,
        FileType type,
        long size,
        String sha256,
        Optional<String> description,
        Instant created,
        URI url,
        Optional<ImageFacts> image,
        Focus focus,
        Optional<URI> attachedTo) {

    /** A file as uploaded, before processing: no image facts, centred, not attached. */
    public Media(UUID id, long actorId, String fileName, FileType type, long size, String sha256, Optional<String> description,
                 Instant created, URI url) {
        this(id, actorId, fileName, type, size, sha256, description, created, url, Optional.empty(), Focus.CENTRE, Optional.empty());
    }

    public String mediaType() {
        return type.mediaType();
    }

    public boolean isImage() {
        return type.category() == FileType.Category.IMAGE;
    }

    public Media withImage(ImageFacts facts) {
        return new Media(id, actorId, fileName, type, size, sha256, description, created, url, Optional.of(facts), focus, attachedTo);
    }
}
