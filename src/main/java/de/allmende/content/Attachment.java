package de.allmende.content;

import java.net.URI;
import java.util.UUID;

/**
 * An image or file attached to content. {@code mediaId} is set for files uploaded to this node and
 * null for attachments of remote content.
 */
public record Attachment(UUID mediaId, URI url, String mediaType, String name, Long size) {
    public boolean isImage() {
        return mediaType != null && mediaType.startsWith("image/");
    }
}
