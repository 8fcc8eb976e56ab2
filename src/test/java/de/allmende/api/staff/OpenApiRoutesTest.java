package de.allmende.api.staff;

import de.allmende.api.HttpHandlers;
import de.allmende.api.HttpVerticle;
import de.allmende.route.Area;
import de.allmende.testkit.OpenApiContract;
import de.allmende.testkit.TestNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The OpenAPI document describes exactly the staff API's routes")
class OpenApiRoutesTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        try (TestNode node = TestNode.start()) {
            Router router = HttpVerticle.router(node.node().vertx(), HttpHandlers.create(node.node().services()));
            Set<String> routed = new TreeSet<>();
            for (Route route : router.getRoutes()) {
                String path = route.getPath();
                if (path == null || !path.startsWith(Area.STAFF_API.prefix())) continue;
                if (route.methods() == null || route.methods().isEmpty()) {
                    // Only the authentication that guards everything may match every method.
                    assertEquals(Area.STAFF_API.prefix() + "/", path, "a staff route without methods");
                    continue;
                }
                String template = path.substring(Area.STAFF_API.prefix().length()).replaceAll(":([A-Za-z0-9_]+)", "{$1}");
                for (HttpMethod m : route.methods()) {
                    if (m != HttpMethod.HEAD) routed.add(m.name() + " " + template); // HEAD comes with every GET; OpenAPI implies it
                }
            }
            OpenApiContract contract = OpenApiContract.of(node);
            assertTrue(routed.contains("POST /media"), routed.toString());
            assertEquals(contract.operations(), routed);
            assertEquals(node.url() + Area.STAFF_API.prefix(), contract.document().at("/servers/0/url").asText());
            assertEquals("3.1.0", contract.document().get("openapi").asText());
        }
    }
}
