package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * What apps read right after login (Ivory, Tusky and Elk stop when it is missing): the posting and
 * reading preferences — a municipality posts publicly, in German, unless a post says otherwise — and the
 * instance's announcements (none).
 */
final class PreferencesHandler {
    void preferences(RoutingContext ctx) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("posting:default:visibility", "public");
        o.put("posting:default:sensitive", false);
        o.put("posting:default:language", "de");
        o.put("reading:expand:media", "default");
        o.put("reading:expand:spoilers", false);
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }

    void announcements(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.arrayNode());
    }
}
