package de.allmende.federation.signature;

import java.security.MessageDigest;
import java.util.Map;

import de.allmende.federation.signature.StructuredFields.ByteSequence;
import de.allmende.federation.signature.StructuredFields.Item;
import de.allmende.federation.signature.StructuredFields.Member;

/**
 * The RFC 9530 {@code Content-Digest} field, e.g. {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}.
 *
 * <p>We send SHA-256 (what Mastodon requires). On receipt every entry we can compute
 * (sha-256, sha-512) must match, unknown algorithms are ignored, and at least one known entry
 * must be present.
 */
public final class ContentDigest {

    private static final Map<String, String> JCA_NAMES = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

    private ContentDigest() {
    }

    /** The field value for a body using SHA-256. */
    public static String sha256(byte[] body) {
        return "sha-256=" + StructuredFields.serialize(new Item(new ByteSequence(DigestHeader.sha256Bytes(body)), Map.of()));
    }

    /**
     * Checks a received Content-Digest against the body.
     *
     * @throws SignatureException MALFORMED if the field is not a dictionary of byte sequences,
     *     INVALID if no supported digest is offered or one does not match
     */
    public static void check(String fieldValue, byte[] body) throws SignatureException {
        Map<String, Member> digests = StructuredFieldParser.parseDictionary(fieldValue);
        boolean checked = false;
        for (Map.Entry<String, Member> entry : digests.entrySet()) {
            String jcaName = JCA_NAMES.get(entry.getKey());
            if (jcaName == null) {
                continue;
            }
            if (!(entry.getValue() instanceof Item item) || !(item.value() instanceof ByteSequence claimed)) {
                throw SignatureException.malformed("Content-Digest value is not a byte sequence");
            }
            if (!MessageDigest.isEqual(claimed.bytes(), DigestHeader.digest(jcaName, body))) {
                throw SignatureException.invalid("Content-Digest does not match body");
            }
            checked = true;
        }
        if (!checked) {
            throw SignatureException.invalid("Content-Digest lacks sha-256");
        }
    }
}
