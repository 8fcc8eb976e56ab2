package de.allmende.service.push;

import de.allmende.db.Database;
import de.allmende.service.KeyService;
import de.allmende.store.push.VapidKeyStore;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The node's VAPID key pair (P-256, RFC 8292), made on first use and kept for good: apps subscribe for this public key,
 * and a new one would silence every subscription. The private scalar is sealed under the master key like every other
 * private key of the node, and opened only when the node pushes.
 */
public final class VapidKey {
    private static final String CONTEXT = "allmende:vapid-key";
    private static final int COORDINATE = 32;

    /** The key in the raw forms Web Push uses: the uncompressed public point (65 bytes) and the private scalar (32 bytes). */
    public record Pair(byte[] publicKey, byte[] privateKey) {}

    private final Database db;
    private final KeyService keys;
    private final VapidKeyStore store = new VapidKeyStore();
    private volatile byte[] publicKey;

    public VapidKey(Database db, KeyService keys) {
        this.db = db;
        this.keys = keys;
    }

    /** The public key as apps are given it (instance, app, subscription): the uncompressed point in base64url. */
    public String publicKey() {
        byte[] known = publicKey;
        if (known == null) publicKey = known = stored().publicKey();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(known);
    }

    /** Both halves, for signing; the private one unsealed for the caller. */
    public Pair pair() {
        VapidKeyStore.Stored s = stored();
        return new Pair(s.publicKey(), keys.unseal(s.sealedPrivateKey(), CONTEXT));
    }

    /** The stored pair, made first if the node has none; two processes making one at once keep the first stored. */
    private synchronized VapidKeyStore.Stored stored() {
        return store.find(db.dsl()).orElseGet(() -> {
            KeyPair generated = generate();
            ECPublicKey pub = (ECPublicKey) generated.getPublic();
            byte[] point = new byte[1 + 2 * COORDINATE];
            point[0] = 0x04; // uncompressed (SEC 1, 2.3.3)
            fixed(pub.getW().getAffineX(), point, 1);
            fixed(pub.getW().getAffineY(), point, 1 + COORDINATE);
            byte[] scalar = new byte[COORDINATE];
            fixed(((ECPrivateKey) generated.getPrivate()).getS(), scalar, 0);
            store.insertIfAbsent(db.dsl(), new VapidKeyStore.Stored(point, keys.seal(scalar, CONTEXT)));
            return store.find(db.dsl()).orElseThrow();
        });
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }

    /** Writes {@code n} big-endian into exactly 32 bytes at {@code offset} (BigInteger adds a sign byte or drops zeros). */
    private static void fixed(BigInteger n, byte[] into, int offset) {
        byte[] raw = n.toByteArray();
        int skip = Math.max(0, raw.length - COORDINATE);
        int length = raw.length - skip;
        System.arraycopy(raw, skip, into, offset + COORDINATE - length, length);
    }
}
