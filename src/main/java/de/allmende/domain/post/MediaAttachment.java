package de.allmende.domain.post;

import de.allmende.domain.Focus;

import java.net.URI;
import java.util.Optional;

/**
 * A file a post links to: an image, a video, a document. {@code description} is its alt text; {@code visual} what
 * apps need to lay an image out before it loads (Mastodon sends it, uploads here make it); {@code mediaId} the
 * uploaded file's id, for files of local posts.
 */
public record MediaAttachment(URI url, String mediaType, Optional<String> description, Optional<String> mediaId, Visual visual) {

    /** A file known only by its address, type and alt text. */
    public MediaAttachment(URI url, String mediaType, Optional<String> description) {
        this(url, mediaType, description, Optional.empty(), Visual.NONE);
    }

    /**
     * Sizes in pixels (0 when unknown), BlurHash, focal point (x, y from -1 to 1) and a smaller preview, each where known.
     */
    public record Visual(int width, int height, Optional<String> blurhash, Optional<Focus> focus,
                         Optional<URI> previewUrl, int previewWidth, int previewHeight) {
        public static final Visual NONE = new Visual(0, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
    }
}
