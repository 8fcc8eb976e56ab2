package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.FieldError;
import de.allmende.domain.IssuedToken;
import de.allmende.domain.Scope;
import de.allmende.domain.TokenInfo;
import de.allmende.domain.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Bearer tokens for the staff API (/api/allmende/v1).",
        subcommands = {TokenCommand.Issue.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a token for a municipality. It is printed once on standard output and cannot be shown again.")
    static final class Issue extends NodeCommand {
        @Parameters(paramLabel = "HANDLE", description = "the municipality the token acts for") String handle;
        @Option(names = "--scope", required = true, paramLabel = "SCOPE",
                description = "read:content, write:content or write:media; repeat for several") List<String> scopes;
        @Option(names = "--label", description = "what the token is for, e.g. \"CMS Rathaus\"") String label;

        @Override
        public Integer call() {
            Set<Scope> parsed = parseScopes(scopes);
            try (Services s = openServices()) {
                IssuedToken token = s.tokens.issue(handle, parsed, label);
                err().println("token " + token.info().id() + " for @" + handle + " (" + scopeList(token.info().scopes())
                        + "); store it now, it is not shown again:");
                out().println(token.secret());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a municipality's tokens (never their secrets).")
    static final class ListTokens extends NodeCommand {
        @Parameters(paramLabel = "HANDLE") String handle;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                List<TokenInfo> all = s.tokens.list(handle);
                if (all.isEmpty()) out().println("no tokens; issue one with 'token issue'");
                for (TokenInfo t : all) {
                    out().printf("%d\t%s\t%s\tcreated %s\tlast used %s\t%s%n", t.id(), scopeList(t.scopes()),
                            t.label().isEmpty() ? "-" : t.label(), t.created(), t.lastUsed().map(Instant::toString).orElse("never"),
                            t.revoked().map(r -> "revoked " + r).orElse("active"));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id (see 'token list'); it stops working at once.")
    static final class Revoke extends NodeCommand {
        @Parameters(paramLabel = "ID") long id;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                TokenInfo t = s.tokens.revoke(id);
                out().println("revoked token " + t.id() + " (" + t.revoked().orElseThrow() + ")");
            }
            return 0;
        }
    }

    static Set<Scope> parseScopes(List<String> codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes) {
            scopes.add(Scope.byCode(code.strip()).orElseThrow(() -> new ValidationException(List.of(new FieldError("scope",
                    "unknown scope '" + code + "'; one of " + scopeList(EnumSet.allOf(Scope.class)))))));
        }
        return scopes;
    }

    private static String scopeList(Set<Scope> scopes) {
        return scopes.stream().map(Scope::code).sorted().collect(Collectors.joining(" "));
    }
}
