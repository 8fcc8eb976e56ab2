package de.allmende.federation.http;

import de.allmende.support.ApiException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.TrustOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every outbound request of the node goes through here, and none can hold the node:
 * <ul>
 *   <li>one deadline per call covers name resolution, connecting, headers, the whole body and every
 *       redirect; the body is capped while it streams ({@link Limits});</li>
 *   <li>each hop resolves its host once, checks every address against the SSRF guard
 *       ({@link SpecialPurposeAddresses}) and connects to exactly the checked address, with Host, SNI
 *       and certificate check for the name, so a second DNS answer (rebinding) is never used;</li>
 *   <li>per host at most a few calls at once, and a host that keeps failing is skipped for a while
 *       ({@link HostGuards});</li>
 *   <li>GETs follow at most three redirects, each hop checked and signed anew; POSTs follow none.</li>
 * </ul>
 * The API is synchronous for sequential callers. Waiting does not pin a virtual-thread verticle
 * (see {@link VertxTransport}).
 */
public final class SafeHttpClient implements AutoCloseable {
    public static final int MAX_BODY = 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;
    public static final String USER_AGENT = "Allmende/0.1 (+ActivityPub)";

    /**
     * Where the client may go and how it finds hosts; tests replace single parts.
     *
     * @param internal addresses refused unless private networks are allowed
     * @param trust    certificates to trust instead of the JDK's (tests with their own CA), or null
     */
    record Settings(boolean allowPrivateNetworks, Predicate<InetAddress> internal, HostResolver resolver, HostPolicy hosts,
                    TrustOptions trust) {
        static Settings defaults(boolean allowPrivateNetworks) {
            return new Settings(allowPrivateNetworks, SpecialPurposeAddresses::isInternal, HostResolver.SYSTEM, HostPolicy.DEFAULT, null);
        }

        Settings withInternal(Predicate<InetAddress> internal) {
            return new Settings(allowPrivateNetworks, internal, resolver, hosts, trust);
        }

        Settings withResolver(HostResolver resolver) {
            return new Settings(allowPrivateNetworks, internal, resolver, hosts, trust);
        }

        Settings withHosts(HostPolicy hosts) {
            return new Settings(allowPrivateNetworks, internal, resolver, hosts, trust);
        }

        Settings withTrust(TrustOptions trust) {
            return new Settings(allowPrivateNetworks, internal, resolver, hosts, trust);
        }
    }

    private final Settings settings;
    private final HostGuards guards;
    private VertxTransport transport; // made on first use: most CLI commands never fetch

    public SafeHttpClient(boolean allowPrivateNetworks) {
        this(Settings.defaults(allowPrivateNetworks));
    }

    SafeHttpClient(Settings settings) {
        this.settings = settings;
        this.guards = new HostGuards(settings.hosts());
    }

    public record Response(int status, URI uri, Map<String, List<String>> headers, byte[] body) {
        public boolean ok() { return status >= 200 && status < 300; }
    }

    /** GET, following up to three redirects; {@code sign} adds headers per hop (signatures cover the target). */
    public Response get(URI uri, Limits limits, Map<String, String> headers, Function<URI, Map<String, String>> sign) throws IOException {
        VertxTransport transport = transport(); // before the clock starts: making it is our cost, not the host's
        Deadline deadline = Deadline.after(limits.deadline());
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            checkScheme(current);
            all.putAll(sign.apply(current));
            Response r = send(transport, HttpMethod.GET, current, all, null, limits, deadline);
            if (r.status() >= 300 && r.status() < 400 && r.headers().containsKey("location")) {
                current = redirectTarget(current, r.headers().get("location").get(0));
                continue;
            }
            return r;
        }
        throw new IOException("too many redirects from " + uri);
    }

    private static URI redirectTarget(URI from, String location) throws IOException {
        try {
            return from.resolve(location);
        } catch (IllegalArgumentException e) { // a peer's malformed Location is its failure, not a bug of ours
            throw new IOException("redirect from " + from + " to a malformed location");
        }
    }

    /** POST without following redirects (inbox deliveries must not be redirected). */
    public Response post(URI uri, byte[] body, Map<String, String> headers, Limits limits) throws IOException {
        checkScheme(uri);
        VertxTransport transport = transport();
        return send(transport, HttpMethod.POST, uri, headers, body, limits, Deadline.after(limits.deadline()));
    }

    private Response send(VertxTransport transport, HttpMethod method, URI uri, Map<String, String> headers, byte[] body,
                          Limits limits, Deadline deadline) throws IOException {
        try (HostGuards.Permit permit = guards.enter(origin(uri))) {
            try {
                InetAddress address = checkedAddress(transport, uri, deadline);
                Response r = transport.exchange(new Exchange.Hop(method, uri, address, requestHeaders(headers), body),
                        deadline, limits.maxBytes());
                permit.answered();
                return r;
            } catch (BlockedDestinationException e) {
                throw e; // our rule, not the host's failure
            } catch (IOException e) {
                permit.failed(e);
                throw e;
            }
        }
    }

    /** Resolves the host once and checks every address; the first one is where the request goes. */
    private InetAddress checkedAddress(VertxTransport transport, URI uri, Deadline deadline) throws IOException {
        String host = uri.getHost();
        List<InetAddress> addresses = transport.resolve(settings.resolver(), host, deadline);
        if (addresses.isEmpty()) throw new UnknownHostException(host);
        if (!settings.allowPrivateNetworks()) {
            for (InetAddress a : addresses) {
                if (settings.internal().test(a)) throw new BlockedDestinationException("destination " + host + " is an internal address");
            }
        }
        // Without its name the address can never be looked up again, and connection pools key on the IP.
        return InetAddress.getByAddress(addresses.get(0).getAddress());
    }

    /** What limits and breakers count per: host and port, so nodes side by side on one address stay apart. */
    private static String origin(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + Exchange.port(uri);
    }

    private static void checkScheme(URI uri) throws BlockedDestinationException {
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new BlockedDestinationException("only http(s) URLs can be fetched");
        }
    }

    private static Map<String, String> requestHeaders(Map<String, String> given) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        // Host comes from the URI (a signer may return it too); Content-Length from the body.
        given.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) headers.put(k, v);
        });
        return headers;
    }

    private synchronized VertxTransport transport() {
        if (transport == null) transport = new VertxTransport(settings.hosts(), settings.trust());
        return transport;
    }

    /** The circuit breaker's view of the origin of {@code uri}, for tests. */
    String breakerState(URI uri) {
        return guards.state(origin(uri)).name();
    }

    @Override
    public synchronized void close() {
        if (transport != null) transport.close();
        transport = null;
    }

    /** An outbound request to a forbidden destination. */
    public static final class BlockedDestinationException extends IOException {
        public BlockedDestinationException(String message) {
            super(message);
        }
    }

    /** The call did not finish before its deadline; the connection was closed. */
    public static final class DeadlineExceededException extends IOException {
        public DeadlineExceededException(String message) {
            super(message);
        }
    }

    /** The response body was larger than the call's cap; the connection was closed. */
    public static final class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(String message) {
            super(message);
        }
    }

    /** The host was not contacted: it failed repeatedly, or it already has as many calls in flight as one host may. */
    public static final class HostUnavailableException extends IOException {
        public HostUnavailableException(String message) {
            super(message);
        }
    }

    /** Maps fetch failures to an API error for request paths that fetch on behalf of a client. */
    public static ApiException asApiError(IOException e) {
        return new ApiException(502, "remote server could not be reached", e);
    }
}
