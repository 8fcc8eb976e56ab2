package de.allmende.service.oauth;

import de.allmende.db.Database;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthError;
import de.allmende.domain.oauth.OAuthScopes;
import de.allmende.domain.oauth.RegisteredApp;
import de.allmende.store.oauth.OAuthAppStore;
import de.allmende.support.Secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth clients as {@code POST /api/v1/apps} registers them: any app may register (Mastodon's way); what
 * it may do is decided when a person authorizes it. Redirect URIs may use custom schemes (native apps:
 * {@code com.tapbots.Ivory.19300:/request_token}) or be {@link OAuthApp#OUT_OF_BAND}.
 */
public final class OAuthApps {
    private static final int MAX_NAME = 60;
    private static final int MAX_URI = 2000;
    private static final int MAX_REDIRECTS = 10;
    /** Schemes that would run code or read files in the browser that follows the redirect. */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob", "about");

    private final Database db;
    private final OAuthAppStore apps = new OAuthAppStore();

    public OAuthApps(Database db) {
        this.db = db;
    }

    /** Registers an app; its client secret is returned here once and kept only as a hash. */
    public RegisteredApp register(String name, List<String> redirectUris, String scopes, String website) {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("client_name", "1 to " + MAX_NAME + " characters"));
        }
        List<String> uris = redirectUris.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (uris.isEmpty() || uris.size() > MAX_REDIRECTS) errors.add(new FieldError("redirect_uris", "1 to " + MAX_REDIRECTS + " URIs"));
        uris.stream().filter(u -> !isAcceptableRedirect(u)).findFirst()
                .ifPresent(u -> errors.add(new FieldError("redirect_uris", "must be an absolute URI without a fragment")));
        Optional<OAuthScopes> parsed = scopes == null || scopes.isBlank() ? Optional.of(OAuthScopes.DEFAULT) : OAuthScopes.parse(scopes);
        if (parsed.isEmpty()) errors.add(new FieldError("scopes", "unknown scope"));
        Optional<String> site = website == null || website.isBlank() ? Optional.empty() : Optional.of(website.strip());
        if (site.isPresent() && (site.get().length() > MAX_URI || !isWebAddress(site.get()))) {
            errors.add(new FieldError("website", "an http or https address"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String secret = Secrets.random("almcs_");
        OAuthApp app = apps.insert(db.dsl(), Secrets.random(""), Secrets.sha256(secret), cleanName, site, uris, parsed.get());
        return new RegisteredApp(app, secret);
    }

    /** The app with this client id. */
    public Optional<OAuthApp> find(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > 100) return Optional.empty();
        return apps.findByClientId(db.dsl(), clientId);
    }

    public Optional<OAuthApp> findById(long id) {
        return apps.findById(db.dsl(), id);
    }

    /** The app whose credentials a token or revoke request carries; {@code invalid_client} otherwise. */
    public OAuthApp authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null || clientId.length() > 100 || clientSecret.length() > 200) {
            throw OAuthError.invalidClient();
        }
        return apps.findByCredentials(db.dsl(), clientId, Secrets.sha256(clientSecret)).orElseThrow(OAuthError::invalidClient);
    }

    static boolean isAcceptableRedirect(String uri) {
        if (uri.equals(OAuthApp.OUT_OF_BAND)) return true;
        if (uri.length() > MAX_URI) return false;
        try {
            URI u = new URI(uri);
            return u.isAbsolute() && u.getRawFragment() == null
                    && !FORBIDDEN_SCHEMES.contains(u.getScheme().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isWebAddress(String uri) {
        try {
            URI u = new URI(uri);
            return u.getScheme() != null && Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT)) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
