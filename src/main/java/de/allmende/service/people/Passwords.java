package de.allmende.service.people;

import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes (RFC 9106) from Bouncy Castle's generator, kept as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so the parameters can grow later: a stored hash
 * is checked with the parameters it names. 19 MiB, 2 passes, 1 lane is OWASP's recommended minimum.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    private static final int PARALLELISM = 1;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * The work each new hash costs. {@link #OWASP} everywhere people log in; {@link #TESTS} only where nothing real is
     * protected (test nodes, as Devise lowers its stretches in tests): a quarter of the api tests' CPU was Argon2.
     */
    public record Cost(int memoryKib, int iterations) {
        public static final Cost OWASP = new Cost(19_456, 2);
        public static final Cost TESTS = new Cost(64, 1);
    }

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when a login names nobody, so an unknown name takes as long as a wrong password; made on first use. */
    private volatile String decoy;

    public Passwords(Cost cost) {
        this.cost = cost;
    }

    /** Rejects passwords that are too short or too long to be worth hashing. */
    public static void requireAcceptable(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new ValidationException(List.of(new FieldError("password", "at least " + MIN_LENGTH + " characters")));
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, cost.memoryKib(), cost.iterations(), PARALLELISM, 32);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(out);
    }

    /** True if {@code password} matches the stored PHC string; a malformed one matches nothing. */
    public boolean matches(String password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches() || password.length() > MAX_LENGTH) return false;
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of a check without one to make (the login named nobody). */
    public void checkNothing(String password) {
        String d = decoy;
        if (d == null) decoy = d = hash("decoy password that matches nothing");
        matches(password, d);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }
}
