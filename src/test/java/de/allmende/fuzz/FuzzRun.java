package de.allmende.fuzz;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one fuzz test class in this JVM through the JUnit platform, as surefire would, for {@code src/test/fuzz/beside-tests.sh}:
 * Jazzer fuzzes one {@code @FuzzTest} per JVM, and the script starts one JVM per target beside the test forks. Prints
 * the summary and exits 0 only if tests ran and none failed (a finding fails its test and leaves its input in
 * {@code src/test/resources/de/allmende/fuzz/<Class>Inputs/}).
 */
public final class FuzzRun {
    private FuzzRun() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0])).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 30);
        out.printf("FUZZ RESULT %s: %d tests, %d failed, %.1f s%n", args[0], summary.getTestsFoundCount(), summary.getTotalFailureCount(),
                (summary.getTimeFinished() - summary.getTimeStarted()) / 1000.0);
        System.exit(summary.getTestsFoundCount() > 0 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
