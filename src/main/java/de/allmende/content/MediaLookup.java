package de.allmende.content;

import java.util.Optional;
import java.util.UUID;

/** Finds an uploaded file of the publishing municipality by its id, as an attachment. */
@FunctionalInterface
public interface MediaLookup {
    Optional<Attachment> find(UUID mediaId);

    /** For content read back from storage: attachments are stored whole, nothing to look up. */
    MediaLookup NONE = id -> Optional.empty();
}
