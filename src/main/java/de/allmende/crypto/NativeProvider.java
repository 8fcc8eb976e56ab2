package de.allmende.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Provider;
import java.util.Optional;

/**
 * The Amazon Corretto Crypto Provider (AWS-LC), loaded with the first native signer or verifier: the native library
 * and its self-test cost an idle node about 4 MB. Empty where it is not on the class path (an architecture without
 * it, a build without the dependency) or fails its self-test; then Tink signs and the JDK verifies.
 */
final class NativeProvider {
    private static final Logger LOG = LoggerFactory.getLogger(NativeProvider.class);
    private static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private NativeProvider() {}

    private static final class Loaded {
        static final Optional<Provider> PROVIDER = load();
    }

    static Optional<Provider> get() {
        return Loaded.PROVIDER;
    }

    /** True if the provider is on the class path, without loading it: whether it passes its self-test is not known yet. */
    static boolean onClassPath() {
        try {
            Class.forName(PROVIDER_CLASS, false, NativeProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Optional<Provider> load() {
        try {
            Class<?> accp = Class.forName(PROVIDER_CLASS);
            Provider p = (Provider) accp.getField("INSTANCE").get(null);
            accp.getMethod("assertHealthy").invoke(p);
            return Optional.of(p);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.info("Amazon Corretto Crypto Provider does not load here, Tink signs and the JDK verifies: {}", e.toString());
            return Optional.empty();
        }
    }
}
