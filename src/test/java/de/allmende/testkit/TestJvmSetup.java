package de.allmende.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs once in every test JVM before its first test (registered in META-INF/services): installs the
 * cheap RSA-2048 key pairs of {@link PrimePairRsaKeys}.
 */
public final class TestJvmSetup implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        PrimePairRsaKeys.install();
    }
}
