package de.allmende.crypto;

import com.google.crypto.tink.proto.HashType;
import com.google.crypto.tink.proto.KeyStatusType;
import com.google.crypto.tink.proto.Keyset;
import com.google.crypto.tink.proto.OutputPrefixType;
import com.google.crypto.tink.proto.RsaSsaPkcs1PrivateKey;
import com.google.protobuf.ByteString;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;

import java.math.BigInteger;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Optional;

/**
 * Reads the RSA signing key of one of our decrypted keysets straight from Tink's keyset format, for the native signer.
 * Tink's own parsing ({@code KeysetHandle}) tests both primes for primality every time a keyset is opened: 14 % of
 * the test JVMs' CPU, where every test node opens its actors' keys once (a Lucas-Lehmer test on 1024-bit numbers is
 * slow without the C2 compiler), and a few milliseconds per key in a node. Our keysets are Tink-generated, and
 * stored under an AEAD bound to their row, so what comes back decrypted is what Tink made and checked; here only
 * the shape is checked: an enabled primary RSASSA-PKCS1 SHA-256 key without prefix, or empty (the caller then lets
 * Tink parse it as before).
 */
final class RsaKeysetReader {
    private static final String TYPE_URL = "type.googleapis.com/google.crypto.tink.RsaSsaPkcs1PrivateKey";

    private RsaKeysetReader() {}

    static Optional<RSAPrivateCrtKeySpec> primaryKey(byte[] serializedKeyset) {
        try {
            Keyset keyset = Keyset.parseFrom(serializedKeyset, ExtensionRegistryLite.getEmptyRegistry());
            for (Keyset.Key key : keyset.getKeyList()) {
                if (key.getKeyId() != keyset.getPrimaryKeyId()) continue;
                if (key.getStatus() != KeyStatusType.ENABLED || key.getOutputPrefixType() != OutputPrefixType.RAW
                        || !key.getKeyData().getTypeUrl().equals(TYPE_URL)) {
                    return Optional.empty();
                }
                RsaSsaPkcs1PrivateKey rsa = RsaSsaPkcs1PrivateKey.parseFrom(key.getKeyData().getValue(), ExtensionRegistryLite.getEmptyRegistry());
                if (rsa.getPublicKey().getParams().getHashType() != HashType.SHA256) return Optional.empty();
                return Optional.of(new RSAPrivateCrtKeySpec(number(rsa.getPublicKey().getN()), number(rsa.getPublicKey().getE()),
                        number(rsa.getD()), number(rsa.getP()), number(rsa.getQ()), number(rsa.getDp()), number(rsa.getDq()),
                        number(rsa.getCrt())));
            }
            return Optional.empty();
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    /** Tink writes the numbers big-endian and unsigned. */
    private static BigInteger number(ByteString bytes) {
        return new BigInteger(1, bytes.toByteArray());
    }
}
