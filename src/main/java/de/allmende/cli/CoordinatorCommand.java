package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.ValidationException;
import de.allmende.domain.coordinator.Subscription;
import de.allmende.support.ApiException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;

/** Coordinators (issue 11): network offices that follow municipalities on other nodes and aggregate what they publish. */
@Command(name = "coordinator", mixinStandardHelpOptions = true, description = "Manage the coordinators hosted on this node.",
        subcommands = {CoordinatorCommand.Create.class, CoordinatorCommand.ListCoordinators.class, CoordinatorCommand.Subscribe.class,
                CoordinatorCommand.Unsubscribe.class, CoordinatorCommand.Groups.class, CoordinatorCurationCommands.Feature.class,
                CoordinatorCurationCommands.Unfeature.class, CoordinatorCurationCommands.Auto.class})
public final class CoordinatorCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a coordinator actor with fresh keys.")
    static final class Create extends NodeCommand {
        @Option(names = "--handle", required = true, description = "e.g. netzwerk-bayern (becomes @netzwerk-bayern@your.domain)")
        String handle;
        @Option(names = "--name", required = true, description = "display name, e.g. \"Open-Government-Netzwerk Bayern\"")
        String name;
        @Option(names = "--land", description = "the Land it coordinates: name, two-digit key or ISO code (none for the Bund)")
        String land;
        @Option(names = "--summary", description = "short plain-text description")
        String summary;

        @Override
        public Integer call() {
            MunicipalityInput input = new MunicipalityInput(handle, name, summary, null, null, null, land, null, null, false);
            input.validate(); // fail on bad input before touching the database
            try (Services s = openServices()) {
                LocalActor a = s.actors.createCoordinator(input);
                out().println("created coordinator " + s.iris.actor(a.handle()) + " (@" + a.handle() + "@" + s.config.domain() + ")");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the coordinators and what they subscribed to.")
    static final class ListCoordinators extends NodeCommand {
        @Override
        public Integer call() {
            try (Services s = openServices()) {
                List<LocalActor> all = s.actors.listCoordinators();
                if (all.isEmpty()) out().println("no coordinators yet; create one with 'coordinator create'");
                for (LocalActor a : all) {
                    out().printf("@%s@%s\t%s\t%s%s%n", a.handle(), s.config.domain(), a.displayName(), a.land().map(l -> l.label()).orElse("-"),
                            s.coordinators.isAutomatic(a) ? "\tautomatic" : "");
                    for (Subscription sub : s.coordinators.subscriptions(a)) {
                        out().printf("  %s\tbackfill %s: %d pages, %d items%s%n", sub.municipality(), sub.backfill().name().toLowerCase(),
                                sub.pagesDone(), sub.itemsDone(), sub.lastError().map(e -> " (" + e + ")").orElse(""));
                    }
                    for (URI featured : s.curation.featured(a)) out().printf("  featured %s%n", featured);
                    for (var learnt : s.coordinators.learnt(a)) {
                        out().printf("  learnt %s %s from %s: %s%n", learnt.kind().dbValue(), learnt.candidate(), learnt.source(), learnt.state());
                    }
                }
            }
            return 0;
        }
    }

    /** Whom to subscribe to: one municipality by handle, or every municipality of a node. */
    static final class Target {
        @Option(names = "--handle", required = true, description = "a municipality, @name@host (or its actor URL)") String handle;
        @Option(names = "--node", required = true, description = "every municipality of an Allmende node, https://host") String node;
    }

    /** A command that acts as one of the node's coordinators. */
    abstract static class AsCoordinator extends NodeCommand {
        @Option(names = "--coordinator", required = true, description = "handle of a coordinator on this node") String coordinator;

        <T> T withCoordinator(BiFunction<Services, LocalActor, T> action) {
            try (Services s = openServices()) {
                LocalActor a = s.actors.findCoordinator(coordinator).orElseThrow(() -> new ValidationException(
                        List.of(new FieldError("coordinator", "no coordinator '" + coordinator + "' on this node"))));
                return action.apply(s, a);
            } catch (ApiException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = "Follow a municipality (or all of a node's) and backfill what it published before.")
    static final class Subscribe extends AsCoordinator {
        @ArgGroup(exclusive = true, multiplicity = "1") Target target;

        @Override
        public Integer call() {
            URI node = target.node == null ? null : nodeUrl(target.node);
            List<URI> subscribed = withCoordinator((s, a) -> node == null
                    ? List.of(s.coordinators.subscribeByHandle(a, target.handle)) : s.coordinators.subscribeByNode(a, node));
            subscribed.forEach(m -> out().println("subscribed to " + m + "; backfill queued (a running node works it)"));
            return 0;
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Unfollow a municipality and stop aggregating it.")
    static final class Unsubscribe extends AsCoordinator {
        @ArgGroup(exclusive = true, multiplicity = "1") Target target;

        @Override
        public Integer call() {
            URI node = target.node == null ? null : nodeUrl(target.node);
            List<URI> gone = withCoordinator((s, a) -> {
                List<URI> which = node == null ? List.of(s.federation.municipalities.byHandle(target.handle))
                        : s.federation.municipalities.ofNode(node);
                which.forEach(m -> s.coordinators.unsubscribe(a, m));
                return which;
            });
            gone.forEach(m -> out().println("unsubscribed from " + m));
            return 0;
        }
    }

    @Command(name = "groups", mixinStandardHelpOptions = true,
            description = "List the coordinator's topic groups (one per field of action), making any that are missing.")
    static final class Groups extends AsCoordinator {
        @Override
        public Integer call() {
            withCoordinator((s, a) -> {
                for (var g : s.actors.ensureTopicGroups(a)) {
                    out().printf("@%s@%s\t%s\t%s%n", g.actor().handle(), s.config.domain(), g.field(), s.iris.actor(g.actor().handle()));
                }
                return null;
            });
            return 0;
        }
    }

    /** {@code https://host[:port]}: a node's address, nothing more. */
    static URI nodeUrl(String text) {
        try {
            URI u = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            boolean plain = ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null && u.getRawUserInfo() == null;
            if (plain) return u;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new ValidationException(List.of(new FieldError("node", "a node's address such as https://kommune.example, got '" + text + "'")));
    }
}
