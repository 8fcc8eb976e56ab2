package de.allmende;

import de.allmende.cli.ActorCommand;
import de.allmende.cli.CoordinatorCommand;
import de.allmende.cli.DbCommand;
import de.allmende.cli.ErrorHandler;
import de.allmende.cli.FederationCommands;
import de.allmende.cli.KeysCommand;
import de.allmende.cli.NodeCommand;
import de.allmende.cli.RelayCommand;
import de.allmende.cli.ReportCommand;
import de.allmende.cli.ServeCommand;
import de.allmende.cli.TokenCommand;
import de.allmende.cli.UserCommand;
import de.allmende.cli.TunedJvm;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;

/** Entry point: {@code java -jar allmende.jar <command>}. */
@Command(name = "allmende", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Allmende: a federated exchange node for municipalities practising Open Government.",
        subcommands = {ServeCommand.class, ActorCommand.class, CoordinatorCommand.class, KeysCommand.class, DbCommand.class,
                FederationCommands.Follow.class, FederationCommands.Unfollow.class, FederationCommands.Post.class,
                FederationCommands.Followers.class, FederationCommands.Following.class, FederationCommands.FollowRequest.class,
                FederationCommands.Block.class, TokenCommand.class, UserCommand.class, ReportCommand.class, RelayCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        TunedJvm.relaunchIfWanted(args); // serve: returns in the tuned JVM
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with its configuration read from {@code environment} instead of the process's (tests run it in their JVM). */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        NodeCommand.useEnvironment(cli, environment);
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"allmende " + de.allmende.service.NodeInfoService.SOFTWARE_VERSION};
        }
    }
}
