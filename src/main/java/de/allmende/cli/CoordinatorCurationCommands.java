package de.allmende.cli;

import de.allmende.service.CurationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The coordinator's staff at work: featuring items (issue 11, point 9) and automatic subscription (point 1). */
final class CoordinatorCurationCommands {
    private CoordinatorCurationCommands() {}

    @Command(name = "feature", mixinStandardHelpOptions = true,
            description = "Recommend an aggregated item: pinned on the coordinator, boosted to its followers, \"empfohlen\" in search and directory.")
    static final class Feature extends CoordinatorCommand.AsCoordinator {
        @Parameters(paramLabel = "OBJECT", description = "the item's IRI, e.g. https://kommune.example/objects/…") String object;

        @Override
        public Integer call() {
            CurationService.Featured f = withCoordinator((s, a) -> s.curation.feature(a, object));
            out().println(f.already() ? f.object() + " was featured already" : "featured " + f.object() + "; its Announce is queued");
            return 0;
        }
    }

    @Command(name = "unfeature", mixinStandardHelpOptions = true, description = "Take a recommendation back: unpinned, Undo of the boost.")
    static final class Unfeature extends CoordinatorCommand.AsCoordinator {
        @Parameters(paramLabel = "OBJECT", description = "the featured item's IRI") String object;

        @Override
        public Integer call() {
            withCoordinator((s, a) -> {
                s.curation.unfeature(a, object);
                return null;
            });
            out().println("unfeatured " + object.strip());
            return 0;
        }
    }

    @Command(name = "auto", mixinStandardHelpOptions = true,
            description = "Subscribe automatically (on) to municipalities relays bring and to Allmende nodes follow graphs name, or stop (off).")
    static final class Auto extends CoordinatorCommand.AsCoordinator {
        @Parameters(paramLabel = "on|off", description = "on or off") Switch state;

        enum Switch { on, off }

        @Override
        public Integer call() {
            withCoordinator((s, a) -> {
                s.coordinators.automatic(a, state == Switch.on);
                return null;
            });
            out().println("automatic subscription " + (state == Switch.on
                    ? "on: a running node reads the follow graphs and takes what relays bring" : "off"));
            return 0;
        }
    }
}
