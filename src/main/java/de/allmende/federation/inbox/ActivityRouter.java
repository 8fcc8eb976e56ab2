package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Dispatches inbound activities to the handler registered for their type; unknown types are ignored. */
public final class ActivityRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRouter.class);
    private final Map<String, ActivityHandler> handlers = new HashMap<>();

    public ActivityRouter on(String type, ActivityHandler handler) {
        handlers.put(type, handler);
        return this;
    }

    public void route(ObjectNode activity, URI actor) throws IOException {
        String type = Json.firstType(activity).orElse("");
        ActivityHandler h = handlers.get(type);
        if (h == null) {
            LOG.debug("ignoring {} {}", type, activity.path("id").asText());
            return;
        }
        h.handle(activity, actor);
    }
}
