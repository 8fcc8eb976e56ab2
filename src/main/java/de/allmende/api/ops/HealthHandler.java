package de.allmende.api.ops;

import de.allmende.api.MediaTypes;
import de.allmende.db.Database;
import io.vertx.ext.web.RoutingContext;

/** Liveness (the process answers) and readiness (the database answers too). */
public final class HealthHandler {
    private final Database db;

    public HealthHandler(Database db) {
        this.db = db;
    }

    public void live(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", MediaTypes.JSON).end("{\"status\":\"UP\"}");
    }

    public void ready(RoutingContext ctx) {
        boolean up = db.isReady();
        ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", MediaTypes.JSON)
                .end(up ? "{\"status\":\"UP\",\"database\":\"UP\"}" : "{\"status\":\"DOWN\",\"database\":\"DOWN\"}");
    }
}
