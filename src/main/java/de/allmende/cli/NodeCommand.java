package de.allmende.cli;

import de.allmende.Services;
import de.allmende.config.ConfigLoader;
import de.allmende.config.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that works on the node. It reads its configuration from the environment its command line
 * was given and writes to that command line's streams, not to the process's: so the same command runs
 * unchanged inside another program's JVM (the tests run most commands in theirs, saving a JVM start each).
 */
public abstract class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    private Map<String, String> environment = System.getenv();

    /** Gives every node command of {@code cli} (and its subcommands) the environment to read its configuration from. */
    public static void useEnvironment(CommandLine cli, Map<String, String> environment) {
        if (cli.getCommand() instanceof NodeCommand command) command.environment = Map.copyOf(environment);
        cli.getSubcommands().values().forEach(sub -> useEnvironment(sub, environment));
    }

    protected NodeConfig config() {
        return ConfigLoader.load(environment);
    }

    /** Opens the database (embedded unless configured), applies migrations and wires the services. */
    protected Services openServices() {
        return Services.open(config());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
