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
        URI url) {

    public String mediaType() {
        return type.mediaType();
    }

    public boolean isImage() {
        return type.category() == FileType.Category.IMAGE;
    }
}
