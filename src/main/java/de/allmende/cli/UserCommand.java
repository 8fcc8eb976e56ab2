package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.domain.people.AuditEntry;
import de.allmende.domain.people.Person;
import de.allmende.domain.people.PersonInput;
import de.allmende.domain.people.Role;
import de.allmende.service.people.PersonService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "People who log in (from Mastodon apps) and act as a municipality. Passwords are never shown:"
                + " new people and resets get a one-time link on which the person chooses one.",
        subcommands = {UserCommand.Create.class, UserCommand.ListPeople.class, UserCommand.Disable.class,
                UserCommand.ResetPassword.class, UserCommand.Audit.class})
public final class UserCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add a person with a role for a municipality; prints the link on which they choose their password.")
    static final class Create extends NodeCommand {
        @Option(names = "--username", required = true, description = "a-z, 0-9, '_', '.', '-'") String username;
        @Option(names = "--email", required = true) String email;
        @Option(names = "--municipality", required = true, paramLabel = "HANDLE") String municipality;
        @Option(names = "--role", defaultValue = "editor", description = "admin or editor (default: ${DEFAULT-VALUE})") String role;

        @Override
        public Integer call() {
            Role parsed = Role.byCode(role).orElseThrow(() -> new ValidationException(List.of(new FieldError("role", "admin or editor"))));
            try (Services s = openServices()) {
                PersonService.Created created = s.people.create(new PersonInput(username, email, municipality, parsed));
                printLink(this, created.person().username(), created.passwordLink());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List people, their roles and whether they are disabled.")
    static final class ListPeople extends NodeCommand {
        @Override
        public Integer call() {
            try (Services s = openServices()) {
                List<Person> all = s.people.list();
                if (all.isEmpty()) out().println("no people; add one with 'user create'");
                for (Person p : all) {
                    String roles = p.memberships().stream().map(m -> m.role().code() + "@" + m.municipality().handle())
                            .collect(Collectors.joining(" "));
                    out().printf("%s\t%s\t%s\t%s\t%s%n", p.username(), p.email(), roles.isEmpty() ? "-" : roles,
                            p.hasPassword() ? "password set" : "no password yet",
                            p.disabled().map(d -> "disabled " + d).orElse("active"));
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a person: their sessions end and their apps' tokens stop working at once.")
    static final class Disable extends NodeCommand {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                Person p = s.people.disable(username);
                out().println("disabled " + p.username() + " (" + p.disabled().orElseThrow() + ")");
            }
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Print a one-time link on which the person chooses a new password (valid 48 hours; older links stop working).")
    static final class ResetPassword extends NodeCommand {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                printLink(this, username, s.people.resetPassword(username));
            }
            return 0;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Who created, edited and deleted a municipality's content, newest first.")
    static final class Audit extends NodeCommand {
        @Parameters(paramLabel = "HANDLE") String handle;
        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                for (AuditEntry e : s.audit.list(handle, Math.max(1, Math.min(limit, 1000)))) {
                    out().printf("%s\t%s\t%s\t%s %s\t%s%n", e.at(), e.username().orElse("-"), e.credential(), e.action(),
                            e.targetKind(), e.targetId());
                }
            }
            return 0;
        }
    }

    /** The link alone on stdout (for scripts), what it is on stderr. */
    private static void printLink(NodeCommand command, String username, URI link) {
        command.err().println("one-time link for " + username + " to choose a password (valid "
                + PersonService.LINK_LIFETIME.toHours() + " hours); hand it over privately:");
        command.out().println(link);
    }
}
