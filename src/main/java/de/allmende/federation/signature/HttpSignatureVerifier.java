package de.allmende.federation.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point for inbound requests: picks the signature scheme the way Mastodon does. A
 * request with {@code Signature-Input} is RFC 9421; otherwise the {@code Signature} (or
 * {@code Authorization: Signature}) header is read as draft-cavage-12.
 */
public final class HttpSignatureVerifier {

    private final CavageVerifier cavage;
    private final Rfc9421Verifier rfc9421;

    public HttpSignatureVerifier(CavageVerifier cavage, Rfc9421Verifier rfc9421) {
        this.cavage = Objects.requireNonNull(cavage, "cavage");
        this.rfc9421 = Objects.requireNonNull(rfc9421, "rfc9421");
    }

    /** Both schemes with the federation (Mastodon-compatible) policies. */
    public static HttpSignatureVerifier federation() {
        return new HttpSignatureVerifier(CavageVerifier.mastodonCompatible(),
                new Rfc9421Verifier(Rfc9421Verifier.Policy.FEDERATION));
    }

    /** Checks everything that does not need the key; see {@link Precheck}. */
    public Precheck prepare(SignedRequestParts request, Instant now) {
        if (request.firstHeader("signature-input").isPresent()) {
            return rfc9421.prepare(request, Optional.empty(), now);
        }
        return cavage.prepare(request, now);
    }

    /** Full verification with a resolver; the cached key is refreshed once on failure. */
    public VerificationResult verify(SignedRequestParts request, KeyResolver resolver, Instant now) {
        return switch (prepare(request, now)) {
            case Precheck.Rejected rejected -> rejected.result();
            case PendingVerification pending -> pending.verifyWith(resolver);
        };
    }
}
