package de.allmende.federation.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PrivateKey;
import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBigInteger;
import com.google.crypto.tink.util.SecretBytes;

import de.allmende.crypto.Pem;

/** Loads the published test vectors from src/test/resources/vectors. */
final class TestVectors {

    private TestVectors() {
    }

    static String text(String path) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses an HTTP/1.1 request as printed in the specs. The URI is rebuilt from the Host header
     * over https. Blank lines around the body are dropped: RFC 9421 section 4.3 prints two.
     */
    static SignedRequestParts request(String path) {
        String text = text(path);
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text.strip() : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split).strip();
        String[] lines = head.split("\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, List<String>> headers = headerLines(Arrays.asList(lines).subList(1, lines.length));
        String host = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("host"))
                .findFirst().orElseThrow().getValue().getFirst();
        URI target = URI.create("https://" + host + requestLine[1]);
        return new SignedRequestParts(requestLine[0], target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code Name: value} lines from a vector file to a request. */
    static SignedRequestParts withHeaderFile(SignedRequestParts request, String path) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headerLines(List.of(text(path).strip().split("\n"))).forEach(headers::put);
        return new SignedRequestParts(request.method(), request.target(), headers, request.body());
    }

    static Map<String, List<String>> headerLines(List<String> lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** The DER body of the first PEM block with this label. */
    static byte[] pemBlock(String pem, String label) {
        Matcher m = Pattern.compile("-----BEGIN " + label + "-----(.*?)-----END " + label + "-----", Pattern.DOTALL)
                .matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(m.group(1));
    }

    /** Imports a PKCS#1 RSA private key (as printed in RFC 9421 B.1.1) into Tink. */
    static RsaSsaPkcs1PrivateKey tinkRsaKey(String pem) throws GeneralSecurityException {
        byte[] pkcs1 = pemBlock(pem, "RSA PRIVATE KEY");
        // PKCS#8 = SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }
        byte[] algorithmId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = Pem.derTlv(0x04, pkcs1);
        byte[] content = new byte[version.length + algorithmId.length + octets.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithmId, 0, content, version.length, algorithmId.length);
        System.arraycopy(octets, 0, content, version.length + algorithmId.length, octets.length);
        RSAPrivateCrtKey jca = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Pem.derTlv(0x30, content)));
        RsaSsaPkcs1Parameters parameters = RsaSsaPkcs1Parameters.builder()
                .setModulusSizeBits(jca.getModulus().bitLength())
                .setPublicExponent(jca.getPublicExponent())
                .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
                .setVariant(RsaSsaPkcs1Parameters.Variant.NO_PREFIX)
                .build();
        RsaSsaPkcs1PublicKey publicKey = RsaSsaPkcs1PublicKey.builder()
                .setParameters(parameters).setModulus(jca.getModulus()).build();
        return RsaSsaPkcs1PrivateKey.builder()
                .setPublicKey(publicKey)
                .setPrimes(secret(jca.getPrimeP()), secret(jca.getPrimeQ()))
                .setPrivateExponent(secret(jca.getPrivateExponent()))
                .setPrimeExponents(secret(jca.getPrimeExponentP()), secret(jca.getPrimeExponentQ()))
                .setCrtCoefficient(secret(jca.getCrtCoefficient()))
                .build();
    }

    /** Imports a PKCS#8 Ed25519 private key plus its SPKI public key (RFC 9421 B.1.4) into Tink. */
    static Ed25519PrivateKey tinkEd25519Key(String pem) throws GeneralSecurityException {
        byte[] spki = pemBlock(pem, "PUBLIC KEY");
        byte[] pkcs8 = pemBlock(pem, "PRIVATE KEY");
        // Both encodings end with the raw 32-byte key (seed for the private key).
        Ed25519PublicKey publicKey = Ed25519PublicKey.create(
                Bytes.copyFrom(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        return Ed25519PrivateKey.create(publicKey, SecretBytes.copyFrom(
                Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length), InsecureSecretKeyAccess.get()));
    }

    private static SecretBigInteger secret(BigInteger value) {
        return SecretBigInteger.fromBigInteger(value, InsecureSecretKeyAccess.get());
    }
}
