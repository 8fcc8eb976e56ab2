package de.allmende.api.mastodon;

import de.allmende.api.login.AccountPages;
import de.allmende.domain.oauth.OAuthScopes;

import java.util.List;
import java.util.Set;

/** What the consent page says each requested scope allows: the broad ones in words, granular ones by name. */
final class ScopeTexts {
    private static final Set<String> DESCRIBED = Set.of("read", "write", "follow", "push", "profile");

    List<String> describe(AccountPages.Page page, OAuthScopes scopes) {
        return scopes.list().stream()
                .map(s -> DESCRIBED.contains(s) ? page.text("scope." + s) : page.text("scope.other", s))
                .toList();
    }
}
