package de.allmende.federation.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Framework-neutral view of an HTTP request, just enough to sign or verify it.
 *
 * <p>Adapters (Vert.x server request, web client request) build one of these so the
 * signature code never depends on an HTTP library. Header names are matched
 * case-insensitively because HTTP/1.1 and HTTP/2 disagree on their case. Header values keep
 * the order of the field lines, since the order of repeated fields is significant for
 * signatures.
 *
 * @param method the request method exactly as sent (case-sensitive per RFC 9110)
 * @param target the absolute target URI including scheme, authority, path and query
 * @param headers header field lines by name; lookups ignore case
 * @param body the request content, or an empty array when there is none
 */
public record SignedRequestParts(String method, URI target, Map<String, List<String>> headers, byte[] body) {

    private static final Set<String> METHODS_WITH_CONTENT = Set.of("POST", "PUT", "PATCH");

    public SignedRequestParts {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        if (!target.isAbsolute() || target.getRawAuthority() == null) {
            // Derived components (@authority, @target-uri, host fallback) need a full URI.
            throw new IllegalArgumentException("target must be an absolute URI with authority");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (values == null) {
                    return;
                }
                // Merging keeps requests whose map holds "Digest" and "digest" separately.
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            });
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** Convenience for requests without content. */
    public static SignedRequestParts withoutBody(String method, URI target, Map<String, List<String>> headers) {
        return new SignedRequestParts(method, target, headers, new byte[0]);
    }

    /** The content; a copy, because records expose their components. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The content without copying, for digest computation inside this package. */
    byte[] rawBody() {
        return body;
    }

    /** All field lines for a header name, in message order; empty when absent. */
    public List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first field line of a header, trimmed. */
    public Optional<String> firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst().strip());
    }

    /**
     * The combined field value as defined in RFC 9110 section 5.3: each line trimmed, obsolete
     * line folding collapsed and lines joined with ", ". Both signature schemes use this form.
     */
    public Optional<String> combinedHeader(String name) {
        List<String> values = header(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> cleaned = new ArrayList<>(values.size());
        for (String value : values) {
            // Folding needs a line break; the regular expression costs a little on every inbox request.
            cleaned.add((value.indexOf('\n') < 0 ? value : value.replaceAll("\\r?\\n[ \\t]+", " ")).strip());
        }
        return Optional.of(String.join(", ", cleaned));
    }

    /** Returns a copy with additional headers (e.g. the ones a signer produced) appended. */
    public SignedRequestParts withHeaders(Map<String, String> extra) {
        TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(headers);
        // Signer output replaces what the caller had, as it is what goes on the wire.
        extra.forEach((name, value) -> merged.put(name, List.of(value)));
        return new SignedRequestParts(method, target, merged, body);
    }

    /**
     * The target's authority normalized per RFC 9110 section 4.2.3: lowercase host, default
     * port omitted. Used for {@code @authority} and the Host header a signer adds.
     */
    public String authority() {
        String host = target.getHost();
        if (host == null) {
            // Registry-based authorities (no parsable host) are kept verbatim, lowercased.
            return target.getRawAuthority().toLowerCase(Locale.ROOT);
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = target.getPort();
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1
                || (port == 443 && scheme.equals("https"))
                || (port == 80 && scheme.equals("http"));
        return defaultPort ? host : host + ":" + port;
    }

    /**
     * Whether the request carries content for signing purposes: a non-empty body, or a method
     * that normally has one. Mastodon demands a digest on every POST, even an empty one.
     */
    boolean expectsContent() {
        return body.length > 0 || METHODS_WITH_CONTENT.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Whether the request content length is zero. */
    public boolean hasEmptyBody() {
        return body.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequestParts that
                && method.equals(that.method)
                && target.equals(that.target)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        // Bodies and header values may carry personal data; keep logs short.
        return "SignedRequestParts[" + method + " " + target + ", headers=" + headers.keySet()
                + ", body=" + body.length + " bytes]";
    }
}
