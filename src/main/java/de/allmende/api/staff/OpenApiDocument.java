package de.allmende.api.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the staff API's OpenAPI 3.1 document (written in YAML, served as JSON) with this node's
 * URL as the server. Public: it describes the API, it grants nothing.
 */
public final class OpenApiDocument implements Handler<RoutingContext> {
    public static final String RESOURCE = "/openapi/staff-api.yaml";
    private final String serverUrl;
    /**
     * Read on first request: the YAML parser (Jackson YAML, SnakeYAML) would otherwise stay loaded in every idle
     * node for a document few ever ask for. Two first requests at once may both read it; either result is right.
     */
    private volatile String json;

    public OpenApiDocument(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** The document as written, without a server. */
    public static ObjectNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String body = json;
        if (body == null) {
            ObjectNode doc = load();
            doc.putArray("servers").addObject().put("url", serverUrl);
            json = body = doc.toString();
        }
        Responses.allowAnyOrigin(ctx);
        ctx.response().putHeader("Content-Type", MediaTypes.JSON).end(body);
    }
}
