package de.allmende.cli;

import de.allmende.config.ConfigLoader;
import de.allmende.db.Database;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = {DbCommand.Migrate.class})
public final class DbCommand {
    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database db = Database.open(ConfigLoader.fromEnvironment())) {
                int applied = db.migrate();
                System.out.println(applied == 0 ? "schema is up to date" : "applied " + applied + " migration(s)");
            }
            return 0;
        }
    }
}
