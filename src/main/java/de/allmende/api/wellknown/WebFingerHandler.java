package de.allmende.api.wellknown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.DocumentCache;
import de.allmende.api.DocumentCache.Key;
import de.allmende.api.DocumentCache.Rendered;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.db.Changes;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.service.ActorService;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 7033 WebFinger for {@code acct:handle@domain}, for actor URLs, and (FEP-d556) for the server
 * URL, which resolves to the instance actor. The subject is always the canonical acct: URI, so
 * Mastodon's round trip (actor → acct → same actor) closes. Answers are kept in the {@link DocumentCache}
 * by the exact resource and rel parameters; "not found" is not kept.
 */
public final class WebFingerHandler implements Handler<RoutingContext> {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String AS_APPLICATION = "https://www.w3.org/ns/activitystreams#Application";
    private static final String AS_SERVICE = "https://www.w3.org/ns/activitystreams#Service";

    private final Iris iris;
    private final ActorService actors;
    private final DocumentCache cache;

    public WebFingerHandler(Iris iris, ActorService actors, DocumentCache cache) {
        this.iris = iris;
        this.actors = actors;
        this.cache = cache;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.allowAnyOrigin(ctx);
        List<String> resources = ctx.queryParam("resource");
        if (resources.isEmpty() || resources.get(0).isBlank()) throw ApiException.badRequest("missing resource parameter");
        if (resources.size() > 1) throw ApiException.badRequest("more than one resource parameter");
        List<String> rels = ctx.queryParam("rel");
        cache.respond(ctx, new Key("webfinger", "", resources.get(0) + "\n" + String.join("\n", rels)), () -> {
            URI resource = parse(resources.get(0).trim());
            ObjectNode jrd = resolve(resource).orElseThrow(() -> ApiException.notFound("no such resource on this server"));
            filterRels(jrd, rels);
            // A JRD names one actor (by its handle) or the instance actor; ACTORS covers both.
            return Rendered.json(200, MediaTypes.JRD_JSON, jrd, Set.of(Changes.ACTORS));
        });
    }

    private Optional<ObjectNode> resolve(URI resource) {
        if ("acct".equals(resource.getScheme())) {
            String acct = resource.getSchemeSpecificPart();
            int at = acct.lastIndexOf('@');
            if (at <= 0 || at == acct.length() - 1) throw ApiException.badRequest("acct: resource must be acct:name@domain");
            String user = acct.substring(0, at).toLowerCase();
            String domain = acct.substring(at + 1).toLowerCase();
            if (!domain.equals(iris.base().getRawAuthority())) return Optional.empty();
            if (user.equals(iris.base().getHost())) return Optional.of(instanceJrd()); // Mastodon-style acct:host@host
            if (user.equals("relay") && actors.relayActor().isPresent()) return Optional.of(relayJrd()); // FEP-ae0c: a relay MUST have WebFinger
            return actors.findMunicipality(user).map(this::actorJrd);
        }
        if (iris.isServer(resource)) return Optional.of(serverJrd(resource));
        if (iris.isInstanceActor(resource)) return Optional.of(instanceJrd());
        if (iris.isRelayActor(resource)) return actors.relayActor().map(r -> relayJrd());
        // An actor by its IRI or by its profile URL (/@handle), as Mastodon's search sends it.
        Optional<String> handle = iris.parse(resource).filter(m -> m.route() == Route.ACTOR || m.route() == Route.PROFILE)
                .map(m -> m.value(Param.HANDLE));
        return handle.flatMap(actors::findMunicipality).map(this::actorJrd);
    }

    private static URI parse(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            if ("acct".equalsIgnoreCase(scheme)) return new URI("acct", uri.getSchemeSpecificPart(), null);
            if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null) return uri;
            if (scheme == null && raw.matches("@?[^@/\\s]+@[^@/\\s]+")) { // bare user@domain, as some clients send
                return new URI("acct", raw.startsWith("@") ? raw.substring(1) : raw, null);
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        throw ApiException.badRequest("resource must be an acct: URI or an http(s) URL");
    }

    private ObjectNode actorJrd(LocalActor a) {
        ObjectNode jrd = F.objectNode();
        jrd.put("subject", "acct:" + a.handle() + "@" + iris.base().getRawAuthority());
        jrd.putArray("aliases").add(iris.actor(a.handle()).toString()).add(iris.profilePage(a.handle()).toString());
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", "self").put("type", MediaTypes.ACTIVITY_JSON).put("href", iris.actor(a.handle()).toString());
        links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html")
                .put("href", iris.profilePage(a.handle()).toString());
        links.addObject().put("rel", "http://webfinger.net/rel/avatar").put("type", "image/png")
                .put("href", iris.icon(a.handle()).toString());
        return jrd;
    }

    private ObjectNode instanceJrd() {
        ObjectNode jrd = F.objectNode();
        String host = iris.base().getHost();
        jrd.put("subject", "acct:" + host + "@" + iris.base().getRawAuthority());
        jrd.putArray("aliases").add(iris.instanceActor().toString());
        jrd.putArray("links").addObject().put("rel", "self").put("type", MediaTypes.ACTIVITY_JSON)
                .put("href", iris.instanceActor().toString());
        return jrd;
    }

    private ObjectNode relayJrd() {
        ObjectNode jrd = F.objectNode();
        jrd.put("subject", "acct:relay@" + iris.base().getRawAuthority());
        jrd.putArray("aliases").add(iris.relayActor().toString());
        jrd.putArray("links").addObject().put("rel", "self").put("type", MediaTypes.ACTIVITY_JSON)
                .put("href", iris.relayActor().toString());
        return jrd;
    }

    /** FEP-d556: the server URL links to the server actor. */
    private ObjectNode serverJrd(URI resource) {
        ObjectNode jrd = F.objectNode();
        jrd.put("subject", resource.toString());
        ArrayNode links = jrd.putArray("links");
        for (String rel : List.of("self", AS_APPLICATION, AS_SERVICE)) {
            links.addObject().put("rel", rel).put("type", MediaTypes.ACTIVITY_JSON).put("href", iris.instanceActor().toString());
        }
        return jrd;
    }

    /** RFC 7033 §4.3: with rel parameters, only matching links are returned. */
    private static void filterRels(ObjectNode jrd, List<String> rels) {
        if (rels.isEmpty()) return;
        ArrayNode links = (ArrayNode) jrd.get("links");
        for (int i = links.size() - 1; i >= 0; i--) {
            if (!rels.contains(links.get(i).get("rel").asText())) links.remove(i);
        }
    }
}
