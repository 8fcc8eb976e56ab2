package de.allmende.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The JVM options serve runs with")
class TunedJvmTest {

    @Test
    void withoutOptionsOfItsOwnTheNodeGetsTheTunedOnes() {
        assertEquals(TunedJvm.flags(), TunedJvm.options(List.of(), Map.of()));
    }

    @Test
    void anOptionTheOperatorGaveReplacesTheTunedOneOfTheSameName() {
        List<String> options = TunedJvm.options(List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:ReservedCodeCacheSize=240m", "-Dfoo=bar"), Map.of());
        assertFalse(options.contains("-Xmx96m") || options.contains("-XX:+UseSerialGC") || options.contains("-XX:ReservedCodeCacheSize=64m"),
                options.toString());
        assertTrue(options.containsAll(List.of("-Xms16m", "-XX:MaxMetaspaceSize=128m")), "the others stay: " + options);
        assertTrue(options.stream().noneMatch(TunedJvm.SERIAL_SIZING::contains), "SerialGC's sizing does not go to G1: " + options);
        assertEquals(List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:ReservedCodeCacheSize=240m", "-Dfoo=bar"),
                options.subList(options.size() - 4, options.size()), "the operator's own come last, so they win");
    }

    @Test
    void optionsFromTheEnvironmentWinButAreNotRepeatedBecauseTheNewJvmReadsThemAgain() {
        // The Docker image sets its flags in JAVA_TOOL_OPTIONS; the JVM reports them among its input arguments.
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -Xmx256m -javaagent:/opt/agent.jar",
                "ALLMENDE_JVM_OPTS", "-Xss1m  -XX:+UseCompactObjectHeaders");
        List<String> options = TunedJvm.options(List.of("-XX:+UseSerialGC", "-Xmx256m", "-javaagent:/opt/agent.jar", "-Dx=y"), env);
        assertFalse(options.stream().anyMatch(o -> o.startsWith("-Xmx") || o.contains("SerialGC") || o.startsWith("-javaagent")),
                "no second agent, no second heap limit: " + options);
        assertTrue(options.containsAll(List.of("-Dx=y", "-Xss1m", "-XX:+UseCompactObjectHeaders")), options.toString());
        assertFalse(options.contains("-Xss512k"), options.toString());
    }

    @Test
    void onlyServeIsRelaunchedAndNotItsHelp() {
        assertTrue(TunedJvm.isServe(new String[]{"serve"}));
        assertFalse(TunedJvm.isServe(new String[]{"serve", "--help"}));
        assertFalse(TunedJvm.isServe(new String[]{"actor", "list"}));
        assertFalse(TunedJvm.isServe(new String[]{}));
    }

    @Test
    void aJarStartedWithDashJarIsStartedTheSameWay() {
        assertEquals(Optional.of(Path.of("target/allmende.jar").toAbsolutePath()),
                TunedJvm.launchedJar("target/allmende.jar", "target/allmende.jar serve"));
        assertEquals(Optional.empty(), TunedJvm.launchedJar("target/classes:lib/a.jar", "de.allmende.Main serve"));
        assertEquals(Optional.empty(), TunedJvm.launchedJar("target/allmende.jar", "de.allmende.Main serve"));
    }
}
