package de.allmende.service.media;

import de.allmende.domain.LocalActor;
import de.allmende.domain.Media;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.store.MediaStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploaded files becoming part of a new local post (a status an app posts with {@code media_ids[]}): the files must
 * be the author's own and not yet shown by another post, at most four, as Mastodon allows.
 */
public final class PostMedia {
    /** Mastodon's {@code configuration.statuses.max_media_attachments}. */
    public static final int MAX_ATTACHMENTS = 4;

    private final MediaStore store;

    public PostMedia(MediaStore store) {
        this.store = store;
    }

    /**
     * Inside the transaction that publishes {@code post}: takes the files (locked, so no other post takes them at the
     * same time) and returns them as the post's attachments, in the order the app named them. 422 when there are more
     * than four, or when an id names no unattached file of {@code author} (another municipality's file is not told
     * apart from a missing one). Files this very post shows already may be named again: an edit sends its media_ids
     * anew. (Files an edit leaves out stay marked as the post's; Mastodon keeps them too, for the edit history.)
     */
    public List<MediaAttachment> attach(DSLContext tx, LocalActor author, List<String> mediaIds, URI post) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(mediaIds));
        if (ids.isEmpty()) return List.of();
        if (ids.size() > MAX_ATTACHMENTS) throw ApiException.unprocessable("Validation failed: at most " + MAX_ATTACHMENTS + " media attachments");
        List<UUID> uuids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) parse(id).ifPresentOrElse(uuids::add, () -> missing.add(id));
        Map<UUID, Media> usable = store.lockAll(tx, uuids).stream()
                .filter(m -> m.actorId() == author.id() && m.attachedTo().map(post::equals).orElse(true))
                .collect(Collectors.toMap(Media::id, Function.identity()));
        for (UUID id : uuids) if (!usable.containsKey(id)) missing.add(id.toString());
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("Validation failed: no unattached media of yours with the id " + String.join(", ", missing));
        }
        store.attach(tx, uuids, post);
        return uuids.stream().map(usable::get).map(MediaAttachments::of).toList();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
