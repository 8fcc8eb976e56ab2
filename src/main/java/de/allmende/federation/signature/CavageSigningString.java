package de.allmende.federation.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the draft-cavage-12 "signing string" (section 2.3): one {@code name: value} line per
 * covered header, joined with newlines.
 */
public final class CavageSigningString {

    /** How the {@code (request-target)} pseudo-header renders the target. */
    public enum RequestTargetForm {
        /** Path and query, as the draft specifies. */
        WITH_QUERY,
        /**
         * Path only. Older Mastodon releases signed without the query string and Mastodon still
         * accepts that, so verifiers try it as a second chance.
         */
        PATH_ONLY
    }

    private CavageSigningString() {
    }

    /**
     * @param request the request as received or about to be sent
     * @param header the signature parameters (signature bytes are ignored)
     * @param form how to render {@code (request-target)}
     * @throws SignatureException INVALID when a covered header is missing or a pseudo-header is
     *     not allowed for the algorithm
     */
    public static String build(SignedRequestParts request, CavageSignatureHeader header, RequestTargetForm form)
            throws SignatureException {
        List<String> lines = new ArrayList<>();
        for (String name : header.coveredHeaders()) {
            lines.add(name + ": " + value(request, header, name, form));
        }
        return String.join("\n", lines);
    }

    /** The {@code (request-target)} value, e.g. {@code post /inbox?x=1}. */
    static String requestTarget(SignedRequestParts request, RequestTargetForm form) {
        String path = request.target().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = request.target().getRawQuery();
        if (form == RequestTargetForm.WITH_QUERY && query != null) {
            path = path + "?" + query;
        }
        return request.method().toLowerCase(Locale.ROOT) + " " + path;
    }

    /** Host as sent on the wire; HTTP/2 has no Host header, so fall back to the URI authority. */
    static String host(SignedRequestParts request) {
        return request.combinedHeader("host").orElseGet(() -> request.target().getRawAuthority());
    }

    private static String value(SignedRequestParts request, CavageSignatureHeader header, String name,
                                RequestTargetForm form) throws SignatureException {
        switch (name) {
            case "(request-target)" -> {
                return requestTarget(request, form);
            }
            case "(created)" -> {
                requireHs2019(header);
                return String.valueOf(header.created()
                        .orElseThrow(() -> SignatureException.invalid("(created) covered but created missing")));
            }
            case "(expires)" -> {
                requireHs2019(header);
                return String.valueOf(header.expires()
                        .orElseThrow(() -> SignatureException.invalid("(expires) covered but expires missing")));
            }
            case "host" -> {
                return host(request);
            }
            default -> {
                if (name.startsWith("(")) {
                    throw SignatureException.invalid("unknown pseudo-header");
                }
                return request.combinedHeader(name)
                        .orElseThrow(() -> SignatureException.invalid("covered header missing"));
            }
        }
    }

    private static void requireHs2019(CavageSignatureHeader header) throws SignatureException {
        // Draft 12, section 2.3: (created)/(expires) are errors for rsa-*, hmac-* and ecdsa-*.
        if (!header.effectiveAlgorithm().equals(CavageSignatureHeader.DEFAULT_ALGORITHM)) {
            throw SignatureException.invalid("(created)/(expires) require hs2019");
        }
    }
}
