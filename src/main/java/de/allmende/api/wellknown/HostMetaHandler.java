package de.allmende.api.wellknown;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.federation.iri.Iris;
import de.allmende.support.Html;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 6415 host-meta: Mastodon falls back to its lrdd template when WebFinger is not found. XRD, or
 * JRD when asked for JSON; {@code host-meta.json} is always JRD.
 */
public final class HostMetaHandler implements Handler<RoutingContext> {
    private final String xml;
    private final String jrd;

    public HostMetaHandler(Iris iris) {
        String template = iris.webFingerTemplate();
        this.xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                + "  <Link rel=\"lrdd\" template=\"" + Html.escape(template) + "\"/>\n"
                + "</XRD>\n";
        this.jrd = "{\"links\":[{\"rel\":\"lrdd\",\"template\":\"" + template + "\"}]}";
    }

    @Override
    public void handle(RoutingContext ctx) {
        answer(ctx, String.valueOf(ctx.request().getHeader("Accept")).contains("json"));
    }

    public void json(RoutingContext ctx) {
        answer(ctx, true);
    }

    private void answer(RoutingContext ctx, boolean wantsJson) {
        Responses.allowAnyOrigin(ctx);
        ctx.response().putHeader("Content-Type", wantsJson ? MediaTypes.JRD_JSON : MediaTypes.XRD_XML)
                .end(wantsJson ? jrd : xml);
    }
}
