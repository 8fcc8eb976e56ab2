package de.allmende.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * RSA-2048 keys for the test JVM at a fraction of the cost. Finding two 1024-bit primes is what makes a
 * key cost about 90 ms, and key generation took a quarter of the CPU samples of the api tests' JVM
 * (every node's instance actor and every municipality get a key). Here each new key multiplies two
 * primes of a per-JVM set that grows as needed: n primes give n(n-1)/2 keys, so 400 keys cost 29 primes.
 * The set's first 160 primes (12,720 keys) are read from {@code rsa-primes-1024.txt}, drawn once with the
 * same rules and tested at certainty 128: drawn in every JVM, they still cost 0.1–0.3 s each without C2's
 * BigInteger intrinsics (the test JVMs run C1 only), 12 % of the hostile-input suite's CPU samples. Only
 * beyond them are primes drawn at random.
 *
 * <p>Every key is a valid RSA-2048 key with exponent 65537, and no two keys in a JVM are the same. They
 * share factors with each other, which matters for real secrets and not for tests. Installed as the
 * first JCA provider of "KeyPairGenerator.RSA" in test JVMs only ({@link TestJvmSetup}); other sizes and
 * exponents go to the JDK's own generator, and so do the nodes that tests start as separate processes.
 */
public final class PrimePairRsaKeys extends Provider {
    private static final int BITS = 2048;
    private static final BigInteger F4 = RSAKeyGenParameterSpec.F4;
    /** Primes this large make every product exactly 2048 bits long: both have their top two bits set. */
    private static final BigInteger MIN_PRIME = BigInteger.valueOf(3).shiftLeft(1022);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<BigInteger> PRIMES = new ArrayList<>();
    private static int nextPartner; // the next key pairs the newest prime with PRIMES.get(nextPartner)

    public PrimePairRsaKeys() {
        super("AllmendeTestRsa", "1", "RSA-2048 keys from pairs of a per-JVM set of random primes (tests only)");
        put("KeyPairGenerator.RSA", Generator.class.getName());
    }

    /** Makes this the first provider asked for RSA key pairs (once per JVM). */
    public static synchronized void install() {
        if (Security.getProvider("AllmendeTestRsa") == null) Security.insertProviderAt(new PrimePairRsaKeys(), 1);
    }

    static synchronized KeyPair next() throws GeneralSecurityException {
        if (nextPartner == PRIMES.size() - 1 || PRIMES.size() < 2) {
            // every pair with the newest prime is used (or there is none yet): draw another
            do PRIMES.add(freshPrime()); while (PRIMES.size() < 2);
            nextPartner = 0;
        }
        BigInteger p = PRIMES.getLast();
        BigInteger q = PRIMES.get(nextPartner++);
        return keyPair(p, q);
    }

    /** Primes drawn ahead of time, see the class comment; a JVM that needs more draws its own. */
    private static final java.util.Iterator<BigInteger> SHIPPED = shippedPrimes().iterator();

    private static List<BigInteger> shippedPrimes() {
        try (var in = PrimePairRsaKeys.class.getResourceAsStream("rsa-primes-1024.txt")) {
            if (in == null) return List.of();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.isBlank()).map(hex -> new BigInteger(hex.strip(), 16)).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static BigInteger freshPrime() {
        while (SHIPPED.hasNext()) {
            BigInteger p = SHIPPED.next();
            if (usable(p)) return new TestedPrime(p);
        }
        while (true) {
            BigInteger p = BigInteger.probablePrime(1024, RANDOM);
            if (usable(p)) return new TestedPrime(p);
        }
    }

    private static boolean usable(BigInteger p) {
        return p.bitLength() == 1024 && p.compareTo(MIN_PRIME) >= 0 && p.subtract(BigInteger.ONE).mod(F4).signum() != 0 && !PRIMES.contains(p);
    }

    /**
     * A prime that was tested when it was drawn. Tink tests both primes of every key it creates again (certainty 10:
     * Miller-Rabin and Lucas-Lehmer on 1024 bits), which cost more than drawing them here — a tenth of the federation
     * tests' CPU samples. This prime answers from its first test; Tink's check of keys it reads back is untouched.
     */
    private static final class TestedPrime extends BigInteger {
        TestedPrime(BigInteger prime) {
            super(prime.toByteArray());
        }

        @Override
        public boolean isProbablePrime(int certainty) {
            return true;
        }
    }

    private static KeyPair keyPair(BigInteger p, BigInteger q) throws GeneralSecurityException {
        BigInteger n = p.multiply(q);
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = pMinus1.divide(pMinus1.gcd(qMinus1)).multiply(qMinus1);
        BigInteger d = F4.modInverse(lambda);
        KeyFactory rsa = KeyFactory.getInstance("RSA", "SunRsaSign");
        return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(n, F4)),
                rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, F4, d, p, q, d.mod(pMinus1), d.mod(qMinus1), q.modInverse(p))));
    }

    /** The JCA face: RSA-2048 with 65537 from the prime pairs; any other size or exponent, and the default, from the JDK. */
    public static final class Generator extends KeyPairGeneratorSpi {
        private final KeyPairGenerator jdk;
        private boolean ours;

        public Generator() throws GeneralSecurityException {
            jdk = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        }

        @Override
        public void initialize(int keysize, SecureRandom random) {
            ours = keysize == BITS; // the JDK's exponent for a bare size is 65537 too
            if (!ours) jdk.initialize(keysize, random);
        }

        @Override
        public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
            ours = params instanceof RSAKeyGenParameterSpec rsa && rsa.getKeysize() == BITS && F4.equals(rsa.getPublicExponent());
            if (!ours) jdk.initialize(params, random);
        }

        @Override
        public KeyPair generateKeyPair() {
            if (!ours) return jdk.generateKeyPair();
            try {
                return next();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("test RSA key", e);
            }
        }
    }
}
