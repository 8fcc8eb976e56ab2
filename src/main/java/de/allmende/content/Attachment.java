package de.allmende.content;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * An image or file attached to content. {@code mediaId} is this node's handle for an uploaded file
 * (null for attachments of remote content); it is not part of the value, so a received copy of
 * an attachment equals the original.
 */
public record Attachment(UUID mediaId, URI url, String mediaType, String name) {
    public boolean isImage() {
        return mediaType != null && mediaType.startsWith("image/");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && url.equals(a.url) && Objects.equals(mediaType, a.mediaType) && Objects.equals(name, a.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, mediaType, name);
    }
}
