package de.allmende;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's Main-Class. Compiled for Java 8 (a separate compiler run, see pom.xml) so that an older
 * {@code java} reads it and says in one sentence what is wrong, instead of failing with
 * UnsupportedClassVersionError on {@link Main}. Uses nothing newer than Java 8.
 */
public final class Launcher {
    static final int REQUIRED_FEATURE = 21;
    /** The command line's exit code for an unusable set-up (see README, "Exit codes"). */
    private static final int CONFIGURATION = 3;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "");
        if (feature(version) < REQUIRED_FEATURE) {
            System.err.println("Allmende needs Java " + REQUIRED_FEATURE + " or newer, but this is Java " + version + " ("
                    + System.getProperty("java.home") + "); put a JDK " + REQUIRED_FEATURE
                    + " or newer first on PATH or run its bin/java.");
            System.exit(CONFIGURATION);
        }
        try {
            Class.forName("de.allmende.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the real main's own failure, with its own stack trace
        }
    }

    /** "1.8" → 8, "17" → 17; anything unreadable counts as too old. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
