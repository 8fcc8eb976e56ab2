package de.allmende.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.crypto.tink.PublicKeySign;

import de.allmende.federation.signature.StructuredFields.ByteSequence;
import de.allmende.federation.signature.StructuredFields.Item;

/**
 * Creates RFC 9421 signatures for outgoing requests.
 *
 * <p>The {@link PublicKeySign} must match the algorithm: RSASSA-PKCS1-v1_5 SHA-256 or Ed25519,
 * both with the NO_PREFIX variant (see {@link TinkSigners}).
 */
public final class Rfc9421Signer {

    /** Label used when the application has no reason to pick another. */
    public static final String DEFAULT_LABEL = "sig1";

    private Rfc9421Signer() {
    }

    /**
     * Signs an outgoing federation request under {@link #DEFAULT_LABEL}, covering
     * {@code @method} and {@code @target-uri}, plus {@code content-digest} (added here) and
     * {@code content-type} (if present) when the request has content.
     *
     * @return Content-Digest (with content), Signature-Input and Signature; set them on the
     *     request, replacing existing values
     */
    public static Map<String, String> sign(SignedRequestParts request, String keyId, SignatureAlgorithm algorithm,
                                           PublicKeySign signer, Instant now) throws GeneralSecurityException {
        Map<String, String> added = new LinkedHashMap<>();
        List<String> components = new ArrayList<>(List.of("@method", "@target-uri"));
        if (request.expectsContent()) {
            added.put("Content-Digest", ContentDigest.sha256(request.rawBody()));
            components.add("content-digest");
            if (request.firstHeader("content-type").isPresent()) {
                components.add("content-type");
            }
        }
        SignatureParams params = SignatureParams.of(components, now, keyId, algorithm);
        added.putAll(sign(request.withHeaders(added), DEFAULT_LABEL, params, signer));
        return added;
    }

    /**
     * Signs with explicit parameters. The request must already contain every covered field.
     *
     * @return Signature-Input and Signature headers for this one signature
     * @throws IllegalArgumentException if the label is not a valid dictionary key or a covered
     *     component cannot be derived from the request
     */
    public static Map<String, String> sign(SignedRequestParts request, String label, SignatureParams params,
                                           PublicKeySign signer) throws GeneralSecurityException {
        StructuredFields.checkKey(label);
        String base;
        try {
            base = SignatureBase.build(request, params);
        } catch (SignatureException e) {
            throw new IllegalArgumentException("cannot build signature base: " + e.reason(), e);
        }
        byte[] signature = signer.sign(base.getBytes(StandardCharsets.US_ASCII));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Signature-Input", label + "=" + params.serialize());
        headers.put("Signature", label + "=" + StructuredFields.serialize(new Item(new ByteSequence(signature), Map.of())));
        return headers;
    }
}
