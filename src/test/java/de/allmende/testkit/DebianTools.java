package de.allmende.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The independent clients and the browser some tests drive, as Debian packages them. A test that needs one
 * fails with what to install when it is missing, never skips ({@code .ci/run} installs them).
 */
public final class DebianTools {
    /** Debian's own Python, for which python3-mastodon is packaged (a pyenv or venv python3 on the PATH is not it). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path TOOT = Path.of("/usr/bin/toot");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private DebianTools() {}

    public static Path mastodonPy() {
        require(PYTHON, "python3-mastodon");
        try {
            ExternalProgram.run(Path.of("."), Duration.ofSeconds(30), Map.of(), PYTHON.toString(), "-c", "import mastodon");
        } catch (AssertionError e) {
            throw missing("python3-mastodon", PYTHON + " cannot import mastodon");
        }
        return PYTHON;
    }

    public static Path toot() {
        return require(TOOT, "toot");
    }

    public static Path chromium() {
        return require(CHROMIUM, "chromium");
    }

    private static Path require(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) throw missing(debianPackage, program + " is missing");
        return program;
    }

    private static AssertionError missing(String debianPackage, String what) {
        return new AssertionError(what + ". This test drives Debian's " + debianPackage + "; install it with "
                + "'apt-get install -y --no-install-recommends " + debianPackage + "' (.ci/run does so before the tests).");
    }
}
