package de.allmende.api.staff;

import de.allmende.Services;
import de.allmende.domain.FileType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The staff API's handlers: what municipal staff (and their CMS) use to publish. Its routes are the
 * {@code STAFF_*} routes of {@link de.allmende.route.Route}; each needs a bearer token with the route's
 * scope except the OpenAPI document, which describes exactly these routes
 * ({@code src/main/resources/openapi/staff-api.yaml}; a test holds the two together).
 */
public final class StaffHandlers {
    /** Room for the multipart framing and the description around the largest file allowed. */
    private static final long UPLOAD_OVERHEAD = 64 * 1024;
    private static final long JSON_LIMIT = 2 * 1024 * 1024;

    private final StaffAuth auth;
    private final OpenApiDocument openApi;
    private final MediaHandler media;
    private final ContentHandler content;
    private final FeaturedHandler featured;
    private final String uploadDirectory;

    public StaffHandlers(Services s) {
        // An app's token works here too, for the municipality its person chose (its person goes into the audit trail).
        this.auth = new StaffAuth(token -> s.tokens.authenticate(token).or(() -> s.oauthTokens.staffGrant(token)));
        this.openApi = new OpenApiDocument(s.config.publicUrl().toString() + de.allmende.route.Area.STAFF_API.prefix());
        this.media = new MediaHandler(s.media);
        this.content = new ContentHandler(s.content, s.iris, s.audit);
        this.featured = new FeaturedHandler(s.curation, s.audit);
        this.uploadDirectory = s.media.incomingDirectory().toString();
    }

    /** The bearer-token check; before a route's scope check, and for staff paths no route claims. */
    public StaffAuth auth() { return auth; }

    public Handler<RoutingContext> openApi() { return openApi; }

    public MediaHandler media() { return media; }

    public ContentHandler content() { return content; }

    public FeaturedHandler featured() { return featured; }

    /** JSON bodies: texts are capped at 100,000 characters in two languages, so 2 MB is ample. */
    public static BodyHandler json() {
        return BodyHandler.create(false).setBodyLimit(JSON_LIMIT);
    }

    /** Uploads stream to a temporary file next to the media folder; larger bodies get 413 before they are read whole. */
    public BodyHandler uploads() {
        return BodyHandler.create(uploadDirectory).setBodyLimit(FileType.largestAllowed() + UPLOAD_OVERHEAD)
                .setDeleteUploadedFilesOnEnd(true);
    }
}
