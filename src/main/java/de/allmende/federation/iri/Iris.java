package de.allmende.federation.iri;

import de.allmende.route.Encoding;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.route.RouteMatch;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This node's IRIs: the {@link Route} table's paths on this node's public URL. Everything that builds
 * or parses a local URL goes through here (or the table); the router registers the same templates.
 */
public final class Iris implements de.allmende.service.port.LocalIris {
    private final String base;
    private final URI baseUri;

    /** @param publicUrl scheme://host[:port] without a trailing slash */
    public Iris(URI publicUrl) {
        this.baseUri = publicUrl;
        this.base = publicUrl.toString();
    }

    public URI base() { return baseUri; }

    /** The IRI of a route with these parameter values; never throws, whatever the values are. */
    public URI of(Route route, String... values) { return URI.create(base + route.path(values)); }

    /** The IRI of a route with a query, e.g. a collection page. */
    public URI of(Route route, Map<Param, String> query, String... values) { return URI.create(base + route.path(query, values)); }

    public URI actor(String handle) { return of(Route.ACTOR, handle); }
    public URI profilePage(String handle) { return of(Route.PROFILE, handle); }
    public URI icon(String handle) { return of(Route.ICON, handle); }
    public URI inbox(String handle) { return of(Route.INBOX, handle); }
    public URI outbox(String handle) { return of(Route.OUTBOX, handle); }
    public URI followers(String handle) { return of(Route.FOLLOWERS, handle); }
    public URI following(String handle) { return of(Route.FOLLOWING, handle); }
    public URI featured(String handle) { return of(Route.FEATURED, handle); }
    public URI liked(String handle) { return of(Route.LIKED, handle); }
    public URI moderators(String handle) { return of(Route.MODERATORS, handle); }
    public URI sharedInbox() { return of(Route.SHARED_INBOX); }
    public URI instanceActor() { return of(Route.INSTANCE_ACTOR); }
    public URI instanceInbox() { return of(Route.INSTANCE_INBOX); }
    public URI instanceOutbox() { return of(Route.INSTANCE_OUTBOX); }
    public URI relayActor() { return of(Route.RELAY_ACTOR); }
    public URI relayInbox() { return of(Route.RELAY_INBOX); }

    /** The IRI of a local actor of any kind. */
    public URI actorOf(de.allmende.domain.LocalActor a) {
        return switch (a.kind()) {
            case INSTANCE -> instanceActor();
            case RELAY -> relayActor();
            default -> actor(a.handle());
        };
    }
    public URI nodeInfo(String version) { return of(Route.NODEINFO, version); }
    /** RFC 6415 lrdd template (a template, not a URI). */
    public String webFingerTemplate() { return base + Route.WEBFINGER.path() + "?" + Param.RESOURCE.name() + "={uri}"; }

    public URI object(String id) { return of(Route.OBJECT, id); }
    /** The object's document even for a browser: its page's visible "JSON-LD" link. */
    public URI objectDocument(String id) { return of(Route.OBJECT, Map.of(Param.FORMAT, "json"), id); }
    public URI activity(String id) { return of(Route.ACTIVITY, id); }
    public URI media(UUID id) { return of(Route.MEDIA, id.toString()); }
    /** Atom feed of all content of an actor, or of one kind (plural path segment, e.g. "events"). */
    public URI feed(String handle) { return of(Route.FEED, handle); }
    public URI feed(String handle, String kindPlural) { return of(Route.KIND_FEED, handle, kindPlural); }
    public URI calendar(String handle) { return of(Route.CALENDAR_FEED, handle); }

    /**
     * Where a hashtag links, as on Mastodon: {@code <base>/tags/<name>}, lower case. No page of ours yet answers
     * there; the address is what other servers and apps expect a hashtag's link to look like.
     */
    @Override
    public URI tag(String name) { return baseUri.resolve("/tags/" + Encoding.segment(name.toLowerCase(java.util.Locale.ROOT))); }

    /** Mastodon-style id of the Accept for a follow: the actor IRI with a fragment. */
    public URI acceptOf(URI actor, long followId) { return URI.create(actor + "#accepts/follows/" + followId); }

    /** A key IRI: the actor IRI with the key's fragment, e.g. {@code …/actors/stadt#main-key}. */
    public URI key(URI actor, String fragment) { return URI.create(actor + "#" + Encoding.segment(fragment)); }

    /** True if the IRI is on this node (same scheme, host and port). */
    public boolean isLocal(URI iri) {
        return iri.getScheme() != null && iri.getRawAuthority() != null
                && iri.getScheme().equalsIgnoreCase(baseUri.getScheme())
                && iri.getRawAuthority().equalsIgnoreCase(baseUri.getRawAuthority());
    }

    /**
     * The route a local IRI names, with its values (fragment ignored). Strict, as the table's templates
     * are: only the paths and values this node mints, so whatever parses round-trips through the builder.
     */
    public Optional<RouteMatch> parse(URI iri) {
        if (!isLocal(iri)) return Optional.empty();
        return Route.find(iri.getRawPath(), iri.getRawQuery());
    }

    /** The handle of a local municipality actor IRI (fragment ignored), if it is one. */
    public Optional<String> parseActor(URI iri) {
        return parseBare(iri, Route.ACTOR).map(m -> m.value(Param.HANDLE));
    }

    /** The local object id (the last path segment of /objects/{id}), if the IRI is a local object. */
    public Optional<String> parseObject(URI iri) {
        return parseBare(iri, Route.OBJECT).map(m -> m.value(Param.LOCAL_ID));
    }

    /** True for the instance actor IRI. */
    public boolean isInstanceActor(URI iri) {
        return parseBare(iri, Route.INSTANCE_ACTOR).isPresent();
    }

    /** An IRI of this route without a query: the resource itself, not a page or representation of it. */
    private Optional<RouteMatch> parseBare(URI iri, Route route) {
        if (!isLocal(iri) || iri.getRawQuery() != null) return Optional.empty();
        return route.match(iri.getRawPath(), null);
    }

    /** True for the relay actor IRI. */
    public boolean isRelayActor(URI iri) {
        return parseBare(iri, Route.RELAY_ACTOR).isPresent();
    }

    /** True for the server's own URL (FEP-d556): scheme://host[:port] with an empty or "/" path. */
    public boolean isServer(URI iri) {
        String path = iri.getRawPath();
        return isLocal(iri) && (path == null || path.isEmpty() || path.equals("/")) && iri.getRawQuery() == null;
    }
}
