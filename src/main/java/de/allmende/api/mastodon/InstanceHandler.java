package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.config.NodeConfig;
import de.allmende.service.InstanceFacts;
import de.allmende.service.NodeInfoService;
import de.allmende.service.push.VapidKey;
import io.vertx.ext.web.RoutingContext;

/**
 * What apps ask first, before anyone logs in: the instance (v2, and v1 which older apps still read), its
 * custom emojis (none) and trends (none yet). Public, as on Mastodon; short-lived in shared caches.
 */
final class InstanceHandler {
    private final NodeConfig config;
    private final NodeInfoService nodeInfo;
    private final VapidKey vapid;

    InstanceHandler(NodeConfig config, NodeInfoService nodeInfo, VapidKey vapid) {
        this.config = config;
        this.nodeInfo = nodeInfo;
        this.vapid = vapid;
    }

    void v2(RoutingContext ctx) {
        answer(ctx, InstanceJson.v2(InstanceFacts.of(config, nodeInfo), vapid.publicKey()));
    }

    void v1(RoutingContext ctx) {
        answer(ctx, InstanceJson.v1(InstanceFacts.of(config, nodeInfo)));
    }

    /** Custom emojis, trending tags, statuses and links: none on this node, but apps call them at start. */
    void emptyList(RoutingContext ctx) {
        answer(ctx, JsonNodeFactory.instance.arrayNode());
    }

    private static void answer(RoutingContext ctx, com.fasterxml.jackson.databind.JsonNode body) {
        ctx.response().putHeader("Cache-Control", "public, max-age=60");
        Responses.json(ctx, 200, MediaTypes.JSON, body);
    }
}
