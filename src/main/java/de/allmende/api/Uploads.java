package de.allmende.api;

import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/** Files of multipart/form-data requests, as a body handler with uploads wrote them to disk. */
public final class Uploads {
    private Uploads() {}

    /** The one file sent as {@code field}; empty when there is none or more than one. */
    public static Optional<FileUpload> single(RoutingContext ctx, String field) {
        List<FileUpload> files = ctx.fileUploads().stream().filter(f -> field.equals(f.name())).toList();
        return files.size() == 1 ? Optional.of(files.getFirst()) : Optional.empty();
    }
}
