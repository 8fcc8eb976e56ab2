package de.allmende.service.media;

import de.allmende.domain.ImageFacts;
import de.allmende.domain.Media;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.MediaAttachment.Visual;

import java.util.Optional;

/** An uploaded file as a post's attachment: its address, type, alt text and, for images, what apps lay out with. */
public final class MediaAttachments {
    private MediaAttachments() {}

    public static MediaAttachment of(Media m) {
        Visual visual = m.image().map(i -> visual(m, i)).orElse(Visual.NONE);
        return new MediaAttachment(m.url(), m.mediaType(), m.description(), Optional.of(m.id().toString()), visual);
    }

    private static Visual visual(Media m, ImageFacts i) {
        return new Visual(i.width(), i.height(), Optional.ofNullable(i.blurhash()), Optional.of(m.focus()),
                Optional.of(m.url().resolve(i.previewId().toString())), i.previewWidth(), i.previewHeight());
    }
}
