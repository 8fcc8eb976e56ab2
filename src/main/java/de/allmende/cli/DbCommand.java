package de.allmende.cli;

import de.allmende.db.Database;
import picocli.CommandLine.Command;


@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = {DbCommand.Migrate.class})
public final class DbCommand {
    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations and exit.")
    static final class Migrate extends NodeCommand {
        @Override
        public Integer call() {
            try (Database db = Database.open(config())) {
                int applied = db.migrate();
                out().println(applied == 0 ? "schema is up to date" : "applied " + applied + " migration(s)");
            }
            return 0;
        }
    }
}
