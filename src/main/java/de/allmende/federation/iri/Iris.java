package de.allmende.federation.iri;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home of this node's IRIs: everything that builds or parses a local URL goes through here,
 * and the HTTP router registers the same path templates.
 */
public final class Iris implements de.allmende.service.port.LocalIris {
    public static final String ACTOR_PATH = "/actors/:handle";
    public static final String PROFILE_PATH = "/@:handle";
    public static final String ICON_PATH = "/actors/:handle/icon.png";
    public static final String INBOX_PATH = "/actors/:handle/inbox";
    public static final String OUTBOX_PATH = "/actors/:handle/outbox";
    public static final String FOLLOWERS_PATH = "/actors/:handle/followers";
    public static final String FOLLOWING_PATH = "/actors/:handle/following";
    public static final String FEATURED_PATH = "/actors/:handle/featured";
    public static final String LIKED_PATH = "/actors/:handle/liked";
    public static final String SHARED_INBOX_PATH = "/inbox";
    public static final String INSTANCE_ACTOR_PATH = "/actor";
    public static final String INSTANCE_INBOX_PATH = "/actor/inbox";
    public static final String INSTANCE_OUTBOX_PATH = "/actor/outbox";

    public static final String OBJECT_PATH = "/objects/:id";
    public static final String ACTIVITY_PATH = "/activities/:id";
    /** Uploaded files, public like the objects that attach them. */
    public static final String MEDIA_PATH = "/media/:id";
    public static final String FEED_PATH = "/actors/:handle/feed.atom";
    public static final String KIND_FEED_PATH = "/actors/:handle/:kind/feed.atom";
    public static final String CALENDAR_PATH = "/actors/:handle/events.ics";

    private static final Pattern ACTOR = Pattern.compile("/actors/([a-z0-9_.-]+)");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String base;
    private final URI baseUri;

    /** @param publicUrl scheme://host[:port] without a trailing slash */
    public Iris(URI publicUrl) {
        this.baseUri = publicUrl;
        this.base = publicUrl.toString();
    }

    public URI base() { return baseUri; }

    public URI actor(String handle) { return URI.create(base + "/actors/" + segment(handle)); }
    public URI profilePage(String handle) { return URI.create(base + "/@" + segment(handle)); }
    public URI icon(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/icon.png"); }
    public URI inbox(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/inbox"); }
    public URI outbox(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/outbox"); }
    public URI followers(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/followers"); }
    public URI following(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/following"); }
    public URI featured(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/featured"); }
    public URI liked(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/liked"); }
    public URI sharedInbox() { return URI.create(base + SHARED_INBOX_PATH); }
    public URI instanceActor() { return URI.create(base + INSTANCE_ACTOR_PATH); }
    public URI instanceInbox() { return URI.create(base + INSTANCE_INBOX_PATH); }
    public URI instanceOutbox() { return URI.create(base + INSTANCE_OUTBOX_PATH); }
    public URI nodeInfo(String version) { return URI.create(base + "/nodeinfo/" + segment(version)); }
    /** RFC 6415 lrdd template (a template, not a URI). */
    public String webFingerTemplate() { return base + "/.well-known/webfinger?resource={uri}"; }

    public URI object(String id) { return URI.create(base + "/objects/" + segment(id)); }
    public URI activity(String id) { return URI.create(base + "/activities/" + segment(id)); }
    public URI media(java.util.UUID id) { return URI.create(base + "/media/" + id); }
    /** Atom feed of all content of an actor, or of one kind (plural path segment, e.g. "events"). */
    public URI feed(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/feed.atom"); }
    public URI feed(String handle, String kindPlural) { return URI.create(base + "/actors/" + segment(handle) + "/" + segment(kindPlural) + "/feed.atom"); }
    public URI calendar(String handle) { return URI.create(base + "/actors/" + segment(handle) + "/events.ics"); }

    /**
     * A path segment (or fragment) as it may stand in a URI: characters outside RFC 3986's unreserved
     * set are percent-encoded as UTF-8, so the builders above never throw, whatever a request put into a
     * handle or id. Handles and ids this node mints are unreserved already and stay as they are.
     */
    static String segment(String s) {
        if (s == null) return "";
        for (int i = 0; i < s.length(); i++) {
            if (!unreserved(s.charAt(i))) return encode(s);
        }
        return s;
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c)) out.append(c);
            else out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** The local object id (the last path segment of /objects/{id}), if the IRI is a local object. */
    public Optional<String> parseObject(URI iri) {
        String path = iri.getRawPath();
        if (!isLocal(iri) || path == null || !path.startsWith("/objects/") || iri.getRawQuery() != null) return Optional.empty();
        String id = path.substring("/objects/".length());
        // Only ids of the shape we mint: anything else names no object of ours (and would not survive a round trip
        // through the builder, which percent-encodes; found by IriFuzzTest with "1ftpsx=1").
        return LOCAL_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static final java.util.regex.Pattern LOCAL_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");

    /** Mastodon-style id of the Accept for a follow: the actor IRI with a fragment. */
    public URI acceptOf(URI actor, long followId) { return URI.create(actor + "#accepts/follows/" + followId); }

    /** A key IRI: the actor IRI with the key's fragment, e.g. {@code …/actors/stadt#main-key}. */
    public URI key(URI actor, String fragment) { return URI.create(actor + "#" + segment(fragment)); }

    /** True if the IRI is on this node (same scheme, host and port). */
    public boolean isLocal(URI iri) {
        return iri.getScheme() != null && iri.getRawAuthority() != null
                && iri.getScheme().equalsIgnoreCase(baseUri.getScheme())
                && iri.getRawAuthority().equalsIgnoreCase(baseUri.getRawAuthority());
    }

    /** The handle of a local municipality actor IRI (fragment ignored), if it is one. */
    public Optional<String> parseActor(URI iri) {
        if (!isLocal(iri) || iri.getRawQuery() != null) return Optional.empty();
        Matcher m = ACTOR.matcher(iri.getRawPath() == null ? "" : iri.getRawPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True for the instance actor IRI, with or without a trailing slash. */
    public boolean isInstanceActor(URI iri) {
        return isLocal(iri) && INSTANCE_ACTOR_PATH.equals(iri.getRawPath());
    }

    /** True for the server's own URL (FEP-d556): scheme://host[:port] with an empty or "/" path. */
    public boolean isServer(URI iri) {
        String path = iri.getRawPath();
        return isLocal(iri) && (path == null || path.isEmpty() || path.equals("/")) && iri.getRawQuery() == null;
    }
}
