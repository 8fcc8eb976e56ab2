package de.allmende.api.wellknown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.service.NodeInfoService;
import io.vertx.ext.web.RoutingContext;

/** NodeInfo discovery (with the FEP-2677 application-actor link) and the 2.0 and 2.1 documents. */
public final class NodeInfoHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";

    private final Iris iris;
    private final NodeInfoService nodeInfo;
    private final String nodeName;

    public NodeInfoHandler(Iris iris, NodeInfoService nodeInfo, String nodeName) {
        this.iris = iris;
        this.nodeInfo = nodeInfo;
        this.nodeName = nodeName;
    }

    public void discovery(RoutingContext ctx) {
        Responses.allowAnyOrigin(ctx);
        ObjectNode doc = F.objectNode();
        ArrayNode links = doc.putArray("links");
        links.addObject().put("rel", SCHEMA + "2.0").put("href", iris.nodeInfo("2.0").toString());
        links.addObject().put("rel", SCHEMA + "2.1").put("href", iris.nodeInfo("2.1").toString());
        links.addObject().put("rel", "https://www.w3.org/ns/activitystreams#Application").put("href", iris.instanceActor().toString());
        Responses.json(ctx, 200, MediaTypes.JRD_JSON, doc);
    }

    public void document20(RoutingContext ctx) {
        document(ctx, "2.0");
    }

    public void document21(RoutingContext ctx) {
        document(ctx, "2.1");
    }

    private void document(RoutingContext ctx, String version) {
        Responses.allowAnyOrigin(ctx);
        ObjectNode doc = F.objectNode();
        doc.put("version", version);
        doc.putObject("software").put("name", NodeInfoService.SOFTWARE_NAME)
                .put("version", NodeInfoService.SOFTWARE_VERSION);
        doc.putArray("protocols").add("activitypub");
        ObjectNode services = doc.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound");
        doc.put("openRegistrations", false);
        NodeInfoService.Usage usage = nodeInfo.usage();
        doc.putObject("usage")
                .put("localPosts", usage.localPosts())
                .putObject("users").put("total", usage.total()).put("activeHalfyear", usage.activeHalfyear())
                .put("activeMonth", usage.activeMonth());
        ObjectNode meta = doc.putObject("metadata");
        meta.put("nodeName", nodeName);
        ArrayNode municipalities = meta.putArray("municipalities");
        for (LocalActor a : nodeInfo.municipalities()) {
            ObjectNode m = municipalities.addObject().put("actor", iris.actor(a.handle()).toString()).put("name", a.displayName());
            a.ags().ifPresent(v -> m.put("ags", v));
            a.ars().ifPresent(v -> m.put("ars", v));
            a.land().ifPresent(v -> m.put("land", v.label()).put("landIso", v.iso()));
        }
        String profile = SCHEMA + version + "#";
        Responses.json(ctx, 200, "application/json; profile=\"" + profile + "\"; charset=utf-8", doc);
    }
}
