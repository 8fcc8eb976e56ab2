package de.allmende.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.crypto.tink.PublicKeySign;

import de.allmende.federation.signature.CavageSigningString.RequestTargetForm;

/**
 * Signs outgoing requests with draft-cavage-12 {@code rsa-sha256}, the dialect every
 * ActivityPub server accepts.
 *
 * <p>The signer is a Tink {@link PublicKeySign} so the private key stays inside a keyset. It
 * must be RSASSA-PKCS1-v1_5 with SHA-256 and the RAW/NO_PREFIX output prefix; see
 * {@link TinkSigners#rsaSha256(com.google.crypto.tink.KeysetHandle)} for a checked way to get one.
 */
public final class CavageSigner {

    /** The algorithm name we announce; "hs2019" would be more modern but older peers reject it. */
    public static final String ALGORITHM = "rsa-sha256";

    private CavageSigner() {
    }

    /**
     * Signs a request given as separate parts.
     *
     * @return the headers to set on the request, replacing any with the same name
     */
    public static Map<String, String> sign(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                                           String keyId, PublicKeySign signer, Instant now)
            throws GeneralSecurityException {
        return sign(new SignedRequestParts(method, uri, headers, body), keyId, signer, now);
    }

    /**
     * Signs a request. Covers {@code (request-target) host date}, plus {@code digest} and
     * {@code content-type} when the request has content, or {@code accept} for a GET without.
     *
     * @return Host, Date, Digest (when there is content) and Signature, in that order; set them
     *     on the request, replacing any existing values
     */
    public static Map<String, String> sign(SignedRequestParts request, String keyId, PublicKeySign signer, Instant now)
            throws GeneralSecurityException {
        Map<String, String> added = new LinkedHashMap<>();
        added.put("Host", request.authority());
        added.put("Date", HttpDates.format(now));
        List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (request.expectsContent()) {
            added.put("Digest", DigestHeader.sha256(request.rawBody()));
            covered.add("digest");
            if (request.firstHeader("content-type").isPresent()) {
                covered.add("content-type");
            }
        } else if (request.method().equalsIgnoreCase("GET") && request.firstHeader("accept").isPresent()) {
            covered.add("accept");
        }
        SignedRequestParts withAdded = request.withHeaders(added);
        CavageSignatureHeader unsigned = new CavageSignatureHeader(
                keyId, Optional.of(ALGORITHM), Optional.of(covered), new byte[0], Optional.empty(), Optional.empty());
        String signingString;
        try {
            signingString = CavageSigningString.build(withAdded, unsigned, RequestTargetForm.WITH_QUERY);
        } catch (SignatureException e) {
            // Only reachable through a bug above: every covered header was just added or checked.
            throw new IllegalStateException(e.reason(), e);
        }
        byte[] signature = signer.sign(signingString.getBytes(StandardCharsets.ISO_8859_1));
        CavageSignatureHeader signed = new CavageSignatureHeader(
                keyId, Optional.of(ALGORITHM), Optional.of(covered), signature, Optional.empty(), Optional.empty());
        added.put("Signature", signed.toHeaderValue());
        return added;
    }
}
