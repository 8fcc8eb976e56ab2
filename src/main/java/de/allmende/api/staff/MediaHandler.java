package de.allmende.api.staff;

import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.route.Route;
import de.allmende.api.Responses;
import de.allmende.api.Uploads;
import de.allmende.domain.FieldError;
import de.allmende.domain.Media;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ValidationException;
import de.allmende.service.media.MediaService;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/allmende/v1/media}: upload (multipart {@code file} + {@code description}), read and delete. */
public final class MediaHandler {
    private final MediaService media;

    MediaHandler(MediaService media) {
        this.media = media;
    }

    public void upload(RoutingContext ctx) {
        FileUpload file = Uploads.single(ctx, "file").orElseThrow(() ->
                new ValidationException(List.of(new FieldError("file", "send exactly one file as multipart/form-data field 'file'"))));
        Optional<String> description = Optional.ofNullable(ctx.request().getFormAttribute("description"));
        Media m = media.upload(StaffAuth.grant(ctx).actor(),
                new MediaUpload(Path.of(file.uploadedFileName()), file.fileName(), file.contentType(), description));
        ctx.response().putHeader("Location", Route.STAFF_MEDIA.path(m.id().toString()));
        Responses.json(ctx, 201, MediaTypes.JSON, MediaJson.toJson(m));
    }

    public void get(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, MediaJson.toJson(media.get(StaffAuth.grant(ctx).actor(), id(ctx))));
    }

    public void delete(RoutingContext ctx) {
        media.delete(StaffAuth.grant(ctx).actor(), id(ctx));
        ctx.response().setStatusCode(204).end();
    }

    private static UUID id(RoutingContext ctx) {
        return PathParams.uuid(ctx, "no such media");
    }
}
