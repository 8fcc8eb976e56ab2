package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.LocalActor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


@Command(name = "keys", mixinStandardHelpOptions = true, description = "Actor key management.",
        subcommands = {KeysCommand.Rotate.class})
public final class KeysCommand {
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace an actor's RSA and Ed25519 keys. The old public keys stay resolvable for ALLMENDE_KEY_GRACE_DAYS.")
    static final class Rotate extends NodeCommand {
        @Parameters(paramLabel = "HANDLE", description = "municipality handle, or 'instance-actor' for the node's own actor")
        String handle;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                LocalActor a = s.actors.rotateKeys(handle);
                if (!a.isInstance()) s.profiles.publishUpdate(a); // followers refetch the new keys
                out().println("rotated keys of " + s.iris.actorOf(a));
            }
            return 0;
        }
    }
}
