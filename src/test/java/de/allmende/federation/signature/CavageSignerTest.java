package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;

@DisplayName("draft-cavage signing of outgoing requests")
class CavageSignerTest {

    private static final String KEY_ID = "https://allmende.example/actors/rathaus#main-key";
    private static final Instant NOW = Instant.parse("2024-03-05T09:04:05Z");
    private static final byte[] ACTIVITY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

    private static SignedRequestParts post(String uri) {
        return new SignedRequestParts("POST", URI.create(uri),
                Map.of("Content-Type", List.of("application/activity+json")), ACTIVITY);
    }

    @Test
    @DisplayName("a POST gets Host, Date, Digest and a Signature over (request-target) host date digest content-type")
    void postHeaders() throws Exception {
        Map<String, String> added = CavageSigner.sign(post("https://social.example/users/anna/inbox"), KEY_ID,
                TinkSigners.rsaSha256(TestKeys.RSA), NOW);

        assertEquals(List.of("Host", "Date", "Digest", "Signature"), List.copyOf(added.keySet()));
        assertEquals("social.example", added.get("Host"));
        assertEquals("Tue, 05 Mar 2024 09:04:05 GMT", added.get("Date"));
        assertEquals(DigestHeader.sha256(ACTIVITY), added.get("Digest"));
        assertTrue(added.get("Signature").startsWith("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest content-type\",signature=\""), added.get("Signature"));
    }

    @Test
    @DisplayName("a GET covers (request-target) host date accept and carries no Digest")
    void getHeaders() throws Exception {
        SignedRequestParts get = SignedRequestParts.withoutBody("GET", URI.create("https://social.example/users/anna"),
                Map.of("Accept", List.of("application/activity+json")));
        Map<String, String> added = CavageSigner.sign(get, KEY_ID, TinkSigners.rsaSha256(TestKeys.RSA), NOW);

        assertFalse(added.containsKey("Digest"));
        CavageSignatureHeader header = CavageSignatureHeader.parse(added.get("Signature"));
        assertEquals(List.of("(request-target)", "host", "date", "accept"), header.coveredHeaders());
    }

    @Test
    @DisplayName("Host keeps a non-default port and drops the default one")
    void hostPorts() throws Exception {
        var signer = TinkSigners.rsaSha256(TestKeys.RSA);
        assertEquals("social.example:8443",
                CavageSigner.sign(post("https://Social.Example:8443/inbox"), KEY_ID, signer, NOW).get("Host"));
        assertEquals("social.example",
                CavageSigner.sign(post("https://social.example:443/inbox"), KEY_ID, signer, NOW).get("Host"));
    }

    @Test
    @DisplayName("round trip: Tink RSA-2048 keyset signs, the SPKI PEM exported from it verifies")
    void roundTripThroughPem() throws Exception {
        SignedRequestParts request = post("https://social.example/users/anna/inbox?page=1");
        Map<String, String> added = CavageSigner.sign(request.method(), request.target(), request.headers(),
                request.body(), KEY_ID, TinkSigners.rsaSha256(TestKeys.RSA), NOW);
        PublicKey remoteView = TestKeys.rsaPublicViaPem(TestKeys.RSA);

        VerificationResult result = CavageVerifier.mastodonCompatible()
                .verify(request.withHeaders(added), TestKeys.RecordingResolver.of(remoteView), NOW.plusSeconds(3));

        assertTrue(result.isVerified(), result.reason());
        assertEquals(Optional.of(KEY_ID), result.keyId());
        assertEquals(Optional.of("rsa-sha256"), result.algorithm());
    }

    @Test
    @DisplayName("an empty POST still gets a Digest, because Mastodon requires one")
    void emptyPostHasDigest() throws Exception {
        SignedRequestParts empty = SignedRequestParts.withoutBody("POST", URI.create("https://social.example/inbox"), Map.of());
        Map<String, String> added = CavageSigner.sign(empty, KEY_ID, TinkSigners.rsaSha256(TestKeys.RSA), NOW);
        assertEquals("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", added.get("Digest"));
    }

    @Test
    @DisplayName("Tink keys with an output prefix or another hash are refused up front")
    void refusesUnsuitableTinkKeys() throws Exception {
        KeysetHandle prefixed = KeysetHandle.generateNew(RsaSsaPkcs1Parameters.builder()
                .setModulusSizeBits(2048).setPublicExponent(RsaSsaPkcs1Parameters.F4)
                .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
                .setVariant(RsaSsaPkcs1Parameters.Variant.TINK).build());
        assertThrows(GeneralSecurityException.class, () -> TinkSigners.rsaSha256(prefixed));
        assertThrows(GeneralSecurityException.class, () -> TinkSigners.rsaSha256(TestKeys.ED25519));
        assertThrows(GeneralSecurityException.class, () -> TinkSigners.ed25519(TestKeys.RSA));
    }
}
