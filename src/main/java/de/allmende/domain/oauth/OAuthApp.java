package de.allmende.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A registered OAuth client. Its secret is known only to the client; the node keeps a hash. */
public record OAuthApp(long id, String clientId, String name, Optional<String> website, List<String> redirectUris,
                       OAuthScopes scopes, Instant created) {
    /** The out-of-band redirect: the code is shown on the page for the person to copy. */
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    public OAuthApp {
        redirectUris = List.copyOf(redirectUris);
    }

    /** RFC 6749 §3.1.2.3 with exact matching: the redirect URI must be one registered, character for character. */
    public boolean allowsRedirect(String uri) {
        return redirectUris.contains(uri);
    }
}
