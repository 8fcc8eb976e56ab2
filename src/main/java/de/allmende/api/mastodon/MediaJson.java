package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.Focus;
import de.allmende.domain.Media;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.MediaAttachment.Visual;
import de.allmende.service.media.MediaAttachments;

/**
 * Mastodon's MediaAttachment entity (docs.joinmastodon.org/entities/MediaAttachment): an upload of this node, or a
 * file a post links to. {@code meta} has {@code original} and {@code small} (width, height, size "WxH", aspect)
 * where sizes are known, and {@code focus}.
 */
final class MediaJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MediaJson() {}

    static ObjectNode upload(Media m) {
        return attachment(MediaAttachments.of(m), m.id().toString());
    }

    /** @param fallbackId the id when the attachment is no upload of this node */
    static ObjectNode attachment(MediaAttachment m, String fallbackId) {
        Visual v = m.visual();
        ObjectNode a = F.objectNode();
        a.put("id", m.mediaId().orElse(fallbackId));
        a.put("type", type(m.mediaType()));
        a.put("url", m.url().toString());
        a.put("preview_url", v.previewUrl().orElse(m.url()).toString());
        // Files of local posts are served here; a remote post's file is where its server keeps it.
        if (m.mediaId().isPresent()) a.putNull("remote_url");
        else a.put("remote_url", m.url().toString());
        a.putNull("preview_remote_url");
        a.putNull("text_url");
        ObjectNode meta = a.putObject("meta");
        if (v.width() > 0 && v.height() > 0) meta.set("original", size(v.width(), v.height()));
        if (v.previewWidth() > 0 && v.previewHeight() > 0) meta.set("small", size(v.previewWidth(), v.previewHeight()));
        Focus focus = v.focus().orElse(Focus.CENTRE);
        meta.putObject("focus").put("x", focus.x()).put("y", focus.y());
        m.description().ifPresentOrElse(d -> a.put("description", d), () -> a.putNull("description"));
        v.blurhash().ifPresentOrElse(h -> a.put("blurhash", h), () -> a.putNull("blurhash"));
        return a;
    }

    private static ObjectNode size(int width, int height) {
        return F.objectNode().put("width", width).put("height", height).put("size", width + "x" + height)
                .put("aspect", (double) width / height);
    }

    /**
     * Mastodon's types; everything that is no picture, film or sound is "unknown". A GIF stays an image: Mastodon's
     * "gifv" is a GIF it turned into a silent video, which apps play as one — a GIF served as it came is no video.
     */
    static String type(String mediaType) {
        if (mediaType == null) return "unknown";
        if (mediaType.startsWith("image/")) return "image";
        if (mediaType.startsWith("video/")) return "video";
        if (mediaType.startsWith("audio/")) return "audio";
        return "unknown";
    }
}
