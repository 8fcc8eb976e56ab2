package de.allmende.api.mastodon;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.Uploads;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ProfileField;
import de.allmende.domain.client.ProfileChange;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.ProfileEdits;
import de.allmende.support.ApiException;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code PATCH /api/v1/accounts/update_credentials} (docs.joinmastodon.org/methods/accounts/#update_credentials): the
 * municipality's profile, as apps send it — multipart/form-data (with {@code avatar} and {@code header} files),
 * form-encoded or JSON. Answers the CredentialAccount, as verify_credentials does. Unusable images are Mastodon's 422.
 */
final class ProfileHandler {
    private final ProfileEdits edits;
    private final AccountReads reads;
    private final AccountJson accounts;
    private final Viewers viewers;

    ProfileHandler(ProfileEdits edits, AccountReads reads, AccountJson accounts, Viewers viewers) {
        this.edits = edits;
        this.reads = reads;
        this.accounts = accounts;
        this.viewers = viewers;
    }

    void updateCredentials(RoutingContext ctx) {
        BodyParams p = BodyParams.of(ctx);
        Optional<BodyParams> source = p.object("source");
        ProfileChange change = new ProfileChange(p.string("display_name"), p.string("note"), image(ctx, "avatar"), image(ctx, "header"),
                p.bool("locked"), p.bool("bot"), p.bool("discoverable"), fields(p),
                source.flatMap(s -> s.string("privacy")), source.flatMap(s -> s.bool("sensitive")), source.flatMap(s -> s.string("language")));
        var role = Viewers.user(ctx).orElseThrow().role();
        LocalActor updated = MediaHandler.asMastodonRefusal(() -> edits.update(viewers.poster(ctx), role, change));
        Responses.json(ctx, 200, MediaTypes.JSON, accounts.credential(reads.credentials(updated)));
    }

    /**
     * {@code fields_attributes[0..3][name|value]} (or a JSON array): all fields at once, in order; pairs left blank are
     * dropped, as Mastodon drops them. Absent: the fields stay.
     */
    private static Optional<List<ProfileField>> fields(BodyParams p) {
        if (!p.has("fields_attributes")) return Optional.empty();
        if (p.objects("fields_attributes").isEmpty() && !p.strings("fields_attributes").isEmpty()) {
            throw ApiException.unprocessable("Validation failed: fields_attributes are pairs of name and value");
        }
        return Optional.of(p.objects("fields_attributes").stream()
                .map(f -> new ProfileField(f.string("name").orElse("").strip(), f.string("value").orElse("").strip()))
                .filter(f -> !f.name().isEmpty() || !f.value().isEmpty()).toList());
    }

    /** An image sent as the multipart field {@code field}; two files for one field are refused. */
    private static Optional<MediaUpload> image(RoutingContext ctx, String field) {
        long sent = ctx.fileUploads().stream().filter(f -> field.equals(f.name())).count();
        if (sent > 1) throw ApiException.unprocessable("Validation failed: send one file as " + field);
        return Uploads.single(ctx, field).map(ProfileHandler::upload);
    }

    private static MediaUpload upload(FileUpload f) {
        return new MediaUpload(Path.of(f.uploadedFileName()), f.fileName(), f.contentType(), Optional.empty());
    }
}
