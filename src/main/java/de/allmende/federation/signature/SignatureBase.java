package de.allmende.federation.signature;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the RFC 9421 signature base (section 2.5) for a request.
 *
 * <p>Supported derived components: {@code @method}, {@code @target-uri}, {@code @authority},
 * {@code @scheme}, {@code @request-target}, {@code @path}, {@code @query}. Plain field names
 * take the combined field value. Anything else (e.g. {@code @query-param}, {@code @status},
 * component parameters) makes the base impossible to build, which the RFC requires to fail.
 */
public final class SignatureBase {

    private SignatureBase() {
    }

    /**
     * @return the signature base; sign or verify its ASCII bytes
     * @throws SignatureException INVALID if a component is unknown, missing or not ASCII
     */
    public static String build(SignedRequestParts request, SignatureParams params) throws SignatureException {
        StringBuilder base = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String component : params.components()) {
            if (!seen.add(component)) {
                throw SignatureException.invalid("component covered twice");
            }
            String value = componentValue(request, component);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw SignatureException.invalid("component value contains a newline");
            }
            base.append(StructuredFields.serialize(new StructuredFields.Item(component, Map.of())))
                    .append(": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(params.serialize());
        for (int i = 0; i < base.length(); i++) {
            if (base.charAt(i) > 0x7e) {
                throw SignatureException.invalid("signature base is not ASCII");
            }
        }
        return base.toString();
    }

    /** The canonical value of one covered component. */
    static String componentValue(SignedRequestParts request, String component) throws SignatureException {
        if (component.startsWith("@")) {
            return derived(request, component);
        }
        if (!component.equals(component.toLowerCase(Locale.ROOT))) {
            // Section 2.1: field names are lowercased in identifiers; a verifier cannot guess.
            throw SignatureException.invalid("component field name not lowercase");
        }
        return request.combinedHeader(component)
                .orElseThrow(() -> SignatureException.invalid("covered field missing"));
    }

    private static String derived(SignedRequestParts request, String component) throws SignatureException {
        var uri = request.target();
        return switch (component) {
            case "@method" -> request.method();
            case "@target-uri" -> scheme(request) + "://" + request.authority() + path(request) + query(request, "");
            case "@authority" -> request.authority();
            case "@scheme" -> scheme(request);
            case "@request-target" -> path(request) + query(request, "");
            case "@path" -> path(request);
            case "@query" -> uri.getRawQuery() == null ? "?" : "?" + uri.getRawQuery();
            default -> throw SignatureException.invalid("unsupported derived component");
        };
    }

    private static String scheme(SignedRequestParts request) {
        return request.target().getScheme().toLowerCase(Locale.ROOT);
    }

    /** Raw (still percent-encoded) path; an empty path normalizes to "/". */
    private static String path(SignedRequestParts request) {
        String path = request.target().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String query(SignedRequestParts request, String whenAbsent) {
        String query = request.target().getRawQuery();
        return query == null ? whenAbsent : "?" + query;
    }
}
