package de.allmende.federation.http;

import de.allmende.support.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every outbound request of the node goes through here: an SSRF guard on each hop (no loopback,
 * private, link-local or otherwise internal addresses unless explicitly allowed), at most three
 * redirects, a 1 MB body limit and timeouts as Mastodon uses them. Keep-alive comes from the JDK client.
 */
public final class SafeHttpClient {
    public static final int MAX_BODY = 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;
    public static final String USER_AGENT = "Allmende/0.1 (+ActivityPub)";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final boolean allowPrivateNetworks;
    private final Predicate<InetAddress> internal;

    public SafeHttpClient(boolean allowPrivateNetworks) {
        this(allowPrivateNetworks, SafeHttpClient::isInternal);
    }

    /** For tests: a guard with another idea of "internal" (e.g. one that lets a loopback test server pass as public). */
    SafeHttpClient(boolean allowPrivateNetworks, Predicate<InetAddress> internal) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.internal = internal;
    }

    public record Response(int status, URI uri, Map<String, List<String>> headers, byte[] body) {
        public boolean ok() { return status >= 200 && status < 300; }
    }

    /** GET, following up to three redirects; {@code sign} adds headers per hop (signatures cover the target). */
    public Response get(URI uri, Map<String, String> headers, Function<URI, Map<String, String>> sign) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkDestination(current);
            HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(10)).GET()
                    .header("User-Agent", USER_AGENT);
            headers.forEach(b::header);
            sign.apply(current).forEach((k, v) -> { if (!k.equalsIgnoreCase("host")) b.setHeader(k, v); });
            Response r = send(b.build(), current);
            if (r.status() >= 300 && r.status() < 400 && r.headers().containsKey("location")) {
                current = current.resolve(r.headers().get("location").get(0));
                continue;
            }
            return r;
        }
        throw new IOException("too many redirects from " + uri);
    }

    /** POST without following redirects (inbox deliveries must not be redirected). */
    public Response post(URI uri, byte[] body, Map<String, String> headers) throws IOException {
        checkDestination(uri);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("User-Agent", USER_AGENT);
        headers.forEach((k, v) -> { if (!k.equalsIgnoreCase("host")) b.setHeader(k, v); });
        return send(b.build(), uri);
    }

    private Response send(HttpRequest request, URI uri) throws IOException {
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) throw new IOException("response from " + uri.getHost() + " exceeds 1 MB");
                return new Response(r.statusCode(), uri, lowerCaseKeys(r.headers().map()), body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Refuses destinations that resolve to internal addresses (checked for every address of the host). */
    public void checkDestination(URI uri) throws IOException {
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new BlockedDestinationException("only http(s) URLs can be fetched");
        }
        if (allowPrivateNetworks) return;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (internal.test(a)) throw new BlockedDestinationException("destination " + uri.getHost() + " is an internal address");
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
            // IPv6 spellings of an IPv4 address: IPv4-compatible ::a.b.c.d and NAT64 64:ff9b::a.b.c.d (which an
            // IPv6-only host's NAT64 gateway forwards to private IPv4 networks). IPv4-mapped ones are Inet4Address already.
            boolean compatible = isZero(b, 0, 12);
            boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
            if (compatible || nat64) return isInternal(embeddedIpv4(b, 12));
        }
        return false;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static InetAddress embeddedIpv4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> in) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        in.forEach((k, v) -> out.put(k.toLowerCase(), v));
        return out;
    }

    /** An outbound request to a forbidden destination. */
    public static final class BlockedDestinationException extends IOException {
        public BlockedDestinationException(String message) {
            super(message);
        }
    }

    /** Maps fetch failures to an API error for request paths that fetch on behalf of a client. */
    public static ApiException asApiError(IOException e) {
        return new ApiException(502, "remote server could not be reached", e);
    }
}
