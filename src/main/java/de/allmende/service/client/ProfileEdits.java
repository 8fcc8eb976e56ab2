package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.Media;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ValidationException;
import de.allmende.domain.client.Poster;
import de.allmende.domain.client.ProfileChange;
import de.allmende.domain.people.Role;
import de.allmende.service.ProfileService;
import de.allmende.service.media.MediaService;
import de.allmende.service.people.AuditTrail;
import de.allmende.store.ActorStore;
import de.allmende.support.ApiException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's profile edited from an app (docs.joinmastodon.org/methods/accounts/#update_credentials). Only a
 * person with the admin role for the municipality may: the profile speaks for the whole municipality, editors post.
 * Avatar and header go through the media pipeline (type from the bytes, metadata stripped, size limits) and must be
 * images. The change, its audit entry and the Update(actor) to the followers are kept in one transaction.
 */
public final class ProfileEdits {
    private final Database db;
    private final MediaService media;
    private final ProfileService profiles;
    private final AuditTrail audit;
    private final ActorStore actors = new ActorStore();

    public ProfileEdits(Database db, MediaService media, ProfileService profiles, AuditTrail audit) {
        this.db = db;
        this.media = media;
        this.profiles = profiles;
        this.audit = audit;
    }

    /** Applies the change as {@code who} (whose role for the municipality is {@code role}); the profile as it is now. */
    public LocalActor update(Poster who, Role role, ProfileChange change) {
        if (role != Role.ADMIN) throw ApiException.forbidden("This action is not allowed");
        change.validate();
        LocalActor municipality = who.municipality();
        Optional<UUID> avatar = change.avatar().map(u -> image(municipality, u, "avatar"));
        Optional<UUID> header = change.header().map(u -> image(municipality, u, "header"));
        ActorStore.ProfileUpdate update = new ActorStore.ProfileUpdate(change.displayName().map(String::strip),
                change.note().map(String::strip), avatar, header, change.locked(), change.bot(), change.discoverable(),
                change.fields(), change.privacy(), change.sensitive(),
                change.language().map(String::strip).map(l -> Optional.of(l).filter(s -> !s.isEmpty())));
        return db.dsl().transactionResult(cfg -> {
            LocalActor updated = actors.updateProfile(cfg.dsl(), municipality.id(), update);
            audit.record(cfg.dsl(), who, AuditTrail.Action.UPDATE, "profile", municipality.handle());
            profiles.publishUpdate(cfg.dsl(), updated);
            return updated;
        });
    }

    /** Keeps an upload as the municipality's file; 422 (and nothing kept) unless it is an image. */
    private UUID image(LocalActor owner, MediaUpload upload, String field) {
        Media m = media.upload(owner, upload);
        if (!m.isImage()) {
            media.delete(owner, m.id());
            throw new ValidationException(List.of(new FieldError(field, "must be an image (PNG, JPEG, WebP or GIF)")));
        }
        return m.id();
    }
}
