package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.Marker;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.service.client.Markers;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timeline markers (docs.joinmastodon.org/methods/markers): {@code GET ?timeline[]=home&timeline[]=notifications}
 * answers a hash of Marker by timeline; {@code POST} with {@code home[last_read_id]} and/or
 * {@code notifications[last_read_id]} saves them. Kept per person and municipality.
 */
final class MarkersHandler {
    private final Markers markers;
    private final Viewers viewers;

    MarkersHandler(Markers markers, Viewers viewers) {
        this.markers = markers;
        this.viewers = viewers;
    }

    void get(RoutingContext ctx) {
        List<String> timelines = new ArrayList<>(ctx.queryParams().getAll("timeline[]"));
        timelines.addAll(ctx.queryParams().getAll("timeline"));
        ClientGrant.User user = Viewers.user(ctx).orElseThrow();
        Viewer v = viewers.of(ctx);
        answer(ctx, markers.get(user.personId(), v.accountId(), timelines));
    }

    void save(RoutingContext ctx) {
        BodyParams params = BodyParams.of(ctx);
        Map<String, String> positions = new LinkedHashMap<>();
        for (String timeline : Marker.TIMELINES) {
            params.object(timeline).flatMap(o -> o.string("last_read_id")).ifPresent(id -> positions.put(timeline, id));
        }
        ClientGrant.User user = Viewers.user(ctx).orElseThrow();
        answer(ctx, markers.save(user.personId(), viewers.of(ctx).accountId(), positions));
    }

    private static void answer(RoutingContext ctx, List<Marker> found) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Marker m : found) {
            o.putObject(m.timeline()).put("last_read_id", m.lastReadId()).put("version", m.version())
                    .put("updated_at", AccountJson.time(m.updatedAt()));
        }
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }
}
