package de.allmende.api.mastodon;

import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.api.Uploads;
import de.allmende.domain.FieldError;
import de.allmende.domain.Focus;
import de.allmende.domain.LocalActor;
import de.allmende.domain.Media;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ValidationException;
import de.allmende.service.media.MediaService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Media from apps (docs.joinmastodon.org/methods/media): upload ({@code POST /api/v2/media}, and v1 for older apps),
 * read and describe one's own uploads. Images are processed while the request waits (preview, BlurHash), so every
 * answer is 200 with the file's URL; Mastodon answers 202 only for video and audio, which are not accepted here.
 * {@code thumbnail} (a custom preview for video and audio) is therefore ignored. Refusals are Mastodon's 422 with
 * what was wrong, also for files too large or of a type not accepted.
 */
public final class MediaHandler {
    private final MediaService media;

    MediaHandler(MediaService media) {
        this.media = media;
    }

    public void upload(RoutingContext ctx) {
        FileUpload file = Uploads.single(ctx, "file").orElseThrow(() ->
                ApiException.unprocessable("Validation failed: send exactly one file as the multipart/form-data field 'file'"));
        ClientParams params = ClientParams.of(ctx);
        Optional<Focus> focus = asMastodonRefusal(() -> focus(params));
        LocalActor owner = owner(ctx);
        Media m = asMastodonRefusal(() -> media.upload(owner, new MediaUpload(Path.of(file.uploadedFileName()), file.fileName(),
                file.contentType(), Optional.ofNullable(params.get("description")))));
        if (focus.isPresent()) m = media.describe(owner, m.id(), Optional.empty(), focus);
        Responses.json(ctx, 200, MediaTypes.JSON, MediaJson.upload(m));
    }

    public void get(RoutingContext ctx) {
        LocalActor owner = owner(ctx);
        UUID id = id(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, MediaJson.upload(asMastodonRefusal(() -> media.get(owner, id))));
    }

    /** New alt text ({@code description}) or focal point ({@code focus}, "x,y"); what is not sent stays. */
    public void update(RoutingContext ctx) {
        ClientParams params = ClientParams.of(ctx);
        LocalActor owner = owner(ctx);
        UUID id = id(ctx);
        Media m = asMastodonRefusal(() -> media.describe(owner, id, Optional.ofNullable(params.get("description")), focus(params)));
        Responses.json(ctx, 200, MediaTypes.JSON, MediaJson.upload(m));
    }

    private static Optional<Focus> focus(ClientParams params) {
        return Optional.ofNullable(params.get("focus")).filter(f -> !f.isBlank()).map(Focus::parse);
    }

    /**
     * Mastodon refuses every unusable upload with 422 and a sentence ("Validation failed: ..."); the staff API's 413
     * and 415 and field lists become that. 404 is Mastodon's "Record not found", for others' files as for missing ones.
     */
    static <T> T asMastodonRefusal(Supplier<T> action) {
        try {
            return action.get();
        } catch (ValidationException e) {
            throw ApiException.unprocessable("Validation failed: " + sentence(e.errors()));
        } catch (ApiException e) {
            if (e.status() == 404) throw ApiException.notFound("Record not found");
            if (e.status() != 413 && e.status() != 415) throw e;
            throw ApiException.unprocessable("Validation failed: " + (e.details().isEmpty() ? e.getMessage() : sentence(e.details())));
        }
    }

    private static String sentence(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static LocalActor owner(RoutingContext ctx) {
        return ClientAuth.grant(ctx).user().orElseThrow().municipality();
    }

    /** Another municipality's upload answers as one that does not exist (Mastodon: "Record not found"). */
    private static UUID id(RoutingContext ctx) {
        return PathParams.uuid(ctx, "Record not found");
    }
}
