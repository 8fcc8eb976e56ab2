package de.allmende.api.web;

import de.allmende.api.PathParams;
import de.allmende.domain.Media;
import de.allmende.service.media.MediaService;
import de.allmende.support.ApiException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /media/{id}}: the uploaded file itself, public. Served with the type found at upload,
 * never sniffed; only images are shown inline, everything else is a download. Files never change
 * under an id, so caches may keep them for a year.
 */
public final class MediaFileHandler {
    private final MediaService media;

    public MediaFileHandler(MediaService media) {
        this.media = media;
    }

    public void handle(RoutingContext ctx) {
        MediaService.Download file = media.download(PathParams.uuid(ctx, "no such media")).orElseThrow(() -> ApiException.notFound("no such media"));
        Media m = file.media();
        String etag = "\"" + m.sha256() + "\"";
        HttpServerResponse response = ctx.response()
                .putHeader("Content-Type", m.mediaType())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Disposition", (m.isImage() ? "inline" : "attachment") + contentDispositionName(m.fileName()))
                .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                .putHeader("ETag", etag)
                .putHeader("Access-Control-Allow-Origin", "*");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.sendFile(file.path().toString()).onFailure(ctx::fail);
    }

    /** RFC 6266: an ASCII fallback plus the exact name in UTF-8. */
    static String contentDispositionName(String name) {
        String ascii = name.codePoints().map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
