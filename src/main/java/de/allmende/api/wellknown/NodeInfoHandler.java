package de.allmende.api.wellknown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.DocumentCache;
import de.allmende.api.DocumentCache.Key;
import de.allmende.api.DocumentCache.Rendered;
import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.route.Param;
import de.allmende.api.Responses;
import de.allmende.db.Changes;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.service.NodeInfoService;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * NodeInfo discovery (with the FEP-2677 application-actor link) and the 2.0 and 2.1 documents, kept
 * rendered in the {@link DocumentCache}.
 */
public final class NodeInfoHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";

    private final Iris iris;
    private final NodeInfoService nodeInfo;
    private final String nodeName;
    private final DocumentCache cache;

    public NodeInfoHandler(Iris iris, NodeInfoService nodeInfo, String nodeName, DocumentCache cache) {
        this.iris = iris;
        this.nodeInfo = nodeInfo;
        this.nodeName = nodeName;
        this.cache = cache;
    }

    public void discovery(RoutingContext ctx) {
        Responses.allowAnyOrigin(ctx);
        cache.respond(ctx, new Key("nodeinfo", "", "discovery"), this::discovery);
    }

    private Rendered discovery() {
        ObjectNode doc = F.objectNode();
        ArrayNode links = doc.putArray("links");
        links.addObject().put("rel", SCHEMA + "2.0").put("href", iris.nodeInfo("2.0").toString());
        links.addObject().put("rel", SCHEMA + "2.1").put("href", iris.nodeInfo("2.1").toString());
        links.addObject().put("rel", "https://www.w3.org/ns/activitystreams#Application").put("href", iris.instanceActor().toString());
        return Rendered.json(200, MediaTypes.JRD_JSON, doc, Set.of());
    }

    /** The document in the version the path names, one of {@link Param#NODEINFO_VERSION}'s. */
    public void document(RoutingContext ctx) {
        String version = PathParams.value(ctx, Param.NODEINFO_VERSION, "no such NodeInfo version");
        Responses.allowAnyOrigin(ctx);
        cache.respond(ctx, new Key("nodeinfo", "", version), () -> document(version));
    }

    /** Counts and names of the municipalities: any actor change may change it. */
    private Rendered document(String version) {
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
        return Rendered.json(200, "application/json; profile=\"" + profile + "\"; charset=utf-8", doc, Set.of(Changes.ACTORS));
    }
}
