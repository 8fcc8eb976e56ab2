package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.report.Report;
import de.allmende.service.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports kept for moderation: those other servers sent about the municipalities here (Flag), and those"
                + " the municipalities filed from their apps.",
        subcommands = {ReportCommand.ListReports.class})
public final class ReportCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Newest first, one a line: id, when, received|filed, who reported, whom, category, forwarded, the"
                    + " reported posts, the comment.")
    static final class ListReports extends NodeCommand {
        @Option(names = "--municipality", paramLabel = "HANDLE", description = "only reports about this municipality") String municipality;
        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                var reports = new ReportService(s.db, s.iris, s.federation.outbox, s.audit)
                        .newest(Optional.ofNullable(municipality), Math.max(1, Math.min(limit, 1000)));
                if (reports.isEmpty()) out().println("no reports");
                for (ReportService.Listed l : reports) {
                    Report r = l.report();
                    String posts = l.statuses().isEmpty() ? "-" : l.statuses().stream().map(URI::toString).collect(Collectors.joining(" "));
                    out().printf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", r.id(), r.created(), r.received() ? "received" : "filed",
                            l.reporter(), l.target(), r.category().wire(), r.forwarded() ? "forwarded" : "-", posts, oneLine(r.comment()));
                }
            }
            return 0;
        }

        /** A comment on one line, whatever a peer sent: tabs and line breaks would break the columns, escapes the terminal. */
        private static String oneLine(String comment) {
            String flat = comment.replaceAll("\\p{Cntrl}+", " ").strip();
            return flat.isEmpty() ? "-" : flat;
        }
    }
}
