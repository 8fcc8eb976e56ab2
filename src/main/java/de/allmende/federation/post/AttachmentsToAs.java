package de.allmende.federation.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.MediaAttachment;

import java.util.List;

/**
 * A local post's files as Mastodon attaches them to a Note: Image for pictures, Document for the rest, with
 * {@code mediaType}, {@code url}, {@code name} (the alt text), {@code width}/{@code height}, {@code blurhash} and
 * {@code focalPoint} [x, y] — the last two in Mastodon's namespace, which the object's context then names.
 * {@link AsToPost} reads the same shape back.
 */
public final class AttachmentsToAs {
    private AttachmentsToAs() {}

    public static void write(ObjectNode object, List<MediaAttachment> attachments) {
        if (attachments.isEmpty()) return;
        ArrayNode list = object.putArray("attachment");
        boolean tootTerms = false;
        for (MediaAttachment a : attachments) {
            MediaAttachment.Visual v = a.visual();
            ObjectNode n = list.addObject();
            n.put("type", a.mediaType().startsWith("image/") ? "Image" : "Document");
            n.put("mediaType", a.mediaType());
            n.put("url", a.url().toString());
            a.description().ifPresentOrElse(d -> n.put("name", d), () -> n.putNull("name"));
            if (v.width() > 0 && v.height() > 0) n.put("width", v.width()).put("height", v.height());
            if (v.blurhash().isPresent()) {
                n.put("blurhash", v.blurhash().get());
                tootTerms = true;
            }
            if (v.focus().isPresent()) {
                n.putArray("focalPoint").add(v.focus().get().x()).add(v.focus().get().y());
                tootTerms = true;
            }
        }
        if (tootTerms && object.get("@context") instanceof ArrayNode context) {
            ObjectNode terms = context.addObject();
            terms.put("toot", "http://joinmastodon.org/ns#");
            terms.put("blurhash", "toot:blurhash");
            terms.putObject("focalPoint").put("@container", "@list").put("@id", "toot:focalPoint");
        }
    }
}
