package de.allmende.api.staff;

import de.allmende.Services;
import de.allmende.content.ContentKind;
import de.allmende.domain.FileType;
import de.allmende.domain.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import static de.allmende.api.staff.StaffAuth.require;

/**
 * The staff API: what municipal staff (and their CMS) use to publish. Every route below
 * {@link #BASE} needs a bearer token except the OpenAPI document, which describes exactly these routes
 * ({@code src/main/resources/openapi/staff-api.yaml}; a test holds the two together).
 */
public final class StaffRoutes {
    /** {@code /api/v1} stays free for a Mastodon-compatible client API. */
    public static final String BASE = "/api/allmende/v1";
    /** Room for the multipart framing and the description around the largest file allowed. */
    private static final long UPLOAD_OVERHEAD = 64 * 1024;
    private static final long JSON_LIMIT = 2 * 1024 * 1024;

    private final StaffAuth auth;
    private final OpenApiDocument openApi;
    private final MediaHandler media;
    private final ContentHandler content;
    private final String uploadDirectory;

    public StaffRoutes(Services s) {
        this.auth = new StaffAuth(s.tokens);
        this.openApi = new OpenApiDocument(s.config.publicUrl().toString() + BASE);
        this.media = new MediaHandler(s.media);
        this.content = new ContentHandler(s.content, s.iris);
        this.uploadDirectory = s.media.incomingDirectory().toString();
    }

    /** Registers the staff API on the node's router. Every POST/PUT route must read its body with a BodyHandler. */
    public void mount(Router r) {
        r.get(BASE + "/openapi.json").handler(openApi);
        r.route(BASE + "/*").handler(auth);

        r.post(BASE + "/media").handler(require(Scope.WRITE_MEDIA)).handler(uploads()).handler(media::upload);
        r.get(BASE + "/media/:id").handler(require(Scope.WRITE_MEDIA)).handler(media::get);
        r.delete(BASE + "/media/:id").handler(require(Scope.WRITE_MEDIA)).handler(media::delete);

        for (ContentKind kind : ContentKind.values()) {
            String collection = BASE + "/" + kind.plural();
            String item = collection + "/:id";
            r.get(collection).handler(require(Scope.READ_CONTENT)).handler(ctx -> content.list(ctx, kind));
            r.post(collection).handler(require(Scope.WRITE_CONTENT)).handler(json()).handler(ctx -> content.create(ctx, kind));
            r.get(item).handler(require(Scope.READ_CONTENT)).handler(ctx -> content.get(ctx, kind));
            r.put(item).handler(require(Scope.WRITE_CONTENT)).handler(json()).handler(ctx -> content.replace(ctx, kind));
            r.delete(item).handler(require(Scope.WRITE_CONTENT)).handler(ctx -> content.delete(ctx, kind));
        }
    }

    /** JSON bodies: texts are capped at 100,000 characters in two languages, so 2 MB is ample. */
    private static BodyHandler json() {
        return BodyHandler.create(false).setBodyLimit(JSON_LIMIT);
    }

    /** Uploads stream to a temporary file next to the media folder; larger bodies get 413 before they are read whole. */
    private BodyHandler uploads() {
        return BodyHandler.create(uploadDirectory).setBodyLimit(FileType.largestAllowed() + UPLOAD_OVERHEAD)
                .setDeleteUploadedFilesOnEnd(true);
    }
}
