package de.allmende.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The legacy {@code Digest} header (RFC 3230) as used with draft-cavage signatures.
 *
 * <p>Only SHA-256 is produced and accepted, like Mastodon: other algorithms offered alone make
 * the request fail, because a digest we cannot check protects nothing.
 */
public final class DigestHeader {

    private DigestHeader() {
    }

    /** The header value for a body, e.g. {@code SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=}. */
    public static String sha256(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256Bytes(body));
    }

    /**
     * Checks a received Digest header against the body.
     *
     * @throws SignatureException INVALID when no SHA-256 entry exists or it does not match
     */
    public static void check(String headerValue, byte[] body) throws SignatureException {
        String offered = null;
        for (String entry : headerValue.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String algorithm = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (algorithm.equals("sha-256")) {
                offered = entry.substring(eq + 1).strip();
                break;
            }
        }
        if (offered == null) {
            throw SignatureException.invalid("Digest lacks SHA-256");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(offered.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw SignatureException.invalid("Digest is not base64");
        }
        if (claimed.length != 32) {
            throw SignatureException.invalid("Digest is not a SHA-256 value");
        }
        if (!MessageDigest.isEqual(claimed, sha256Bytes(body))) {
            throw SignatureException.invalid("Digest does not match body");
        }
    }

    static byte[] sha256Bytes(byte[] body) {
        return digest("SHA-256", body);
    }

    static byte[] digest(String jcaName, byte[] body) {
        try {
            return MessageDigest.getInstance(jcaName).digest(body);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must ship SHA-256 and SHA-512.
            throw new IllegalStateException(e);
        }
    }
}
