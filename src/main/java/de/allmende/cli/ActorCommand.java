package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "actor", mixinStandardHelpOptions = true, description = "Manage the municipalities hosted on this node.",
        subcommands = {ActorCommand.Create.class, ActorCommand.ListActors.class})
public final class ActorCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a municipality actor with fresh keys.")
    static final class Create extends NodeCommand {
        @Option(names = "--handle", required = true, description = "e.g. stadt-musterhausen (becomes @stadt-musterhausen@your.domain)")
        String handle;
        @Option(names = "--name", required = true, description = "display name, e.g. \"Stadt Musterhausen\"")
        String name;
        @Option(names = "--summary", description = "short plain-text description")
        String summary;
        @Option(names = "--website", description = "official website, https://…")
        String website;
        @Option(names = "--ags", description = "Amtlicher Gemeindeschlüssel, 8 digits")
        String ags;
        @Option(names = "--ars", description = "Amtlicher Regionalschlüssel, 12 digits")
        String ars;
        @Option(names = "--land", description = "Land: name, two-digit key or ISO code (DE-BY)")
        String land;
        @Option(names = "--type", description = "gemeinde, stadt, kreisfreie-stadt, landkreis, gemeindeverband, bezirk, stadtstaat")
        String type;
        @Option(names = "--population", description = "number of inhabitants")
        String population;
        @Option(names = "--manually-approves-followers", description = "review follow requests instead of accepting them")
        boolean manuallyApprovesFollowers;

        @Override
        public Integer call() {
            MunicipalityInput input = new MunicipalityInput(handle, name, summary, website, ags, ars, land, type, population,
                    manuallyApprovesFollowers);
            input.validate(); // fail on bad input before touching the database
            try (Services s = openServices()) {
                LocalActor a = s.actors.createMunicipality(input);
                out().println("created " + s.iris.actor(a.handle()) + " (@" + a.handle() + "@" + s.config.domain() + ")");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the municipalities on this node.")
    static final class ListActors extends NodeCommand {
        @Override
        public Integer call() {
            try (Services s = openServices()) {
                List<LocalActor> all = s.actors.listMunicipalities();
                if (all.isEmpty()) out().println("no municipalities yet; create one with 'actor create'");
                for (LocalActor a : all) {
                    out().printf("@%s@%s\t%s\t%s\t%s%n", a.handle(), s.config.domain(), a.displayName(),
                            a.ags().orElse("-"), a.land().map(l -> l.label()).orElse("-"));
                }
            }
            return 0;
        }
    }
}
