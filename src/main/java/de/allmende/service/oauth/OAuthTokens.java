package de.allmende.service.oauth;

import de.allmende.db.Database;
import de.allmende.domain.AccessGrant;
import de.allmende.domain.LocalActor;
import de.allmende.domain.Scope;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.domain.oauth.IssuedAccessToken;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthError;
import de.allmende.domain.oauth.OAuthScopes;
import de.allmende.domain.people.Membership;
import de.allmende.domain.people.Person;
import de.allmende.store.ActorStore;
import de.allmende.store.oauth.OAuthCodeStore;
import de.allmende.store.oauth.OAuthTokenStore;
import de.allmende.store.oauth.OAuthTokenStore.StoredToken;
import de.allmende.store.people.PersonStore;
import de.allmende.support.Secrets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OAuth access tokens: issued at {@code /oauth/token} (authorization code with PKCE, client credentials),
 * stored only as SHA-256 hashes beside the CLI's staff tokens (their own table: they belong to an app and,
 * mostly, a person), revoked at {@code /oauth/revoke} or when the person is disabled. A person's token acts
 * as the municipality the person chose, within the granted scopes, in the client API and the staff API.
 */
public final class OAuthTokens {
    public static final String PREFIX = "almo_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** Which Mastodon scope lets an app's token use each staff API scope (posting content is writing statuses). */
    private static final Map<Scope, String> STAFF_SCOPES = Map.of(
            Scope.READ_CONTENT, "read:statuses", Scope.WRITE_CONTENT, "write:statuses", Scope.WRITE_MEDIA, "write:media");

    private final Database db;
    private final OAuthApps apps;
    private final OAuthCodeStore codes = new OAuthCodeStore();
    private final OAuthTokenStore tokens = new OAuthTokenStore();
    private final PersonStore people = new PersonStore();
    private final ActorStore actors = new ActorStore();
    private final Clock clock;

    public OAuthTokens(Database db, OAuthApps apps, Clock clock) {
        this.db = db;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * Exchanges a code for a token. The code is used up first, so a second try with it (or a wrong
     * verifier) gets {@code invalid_grant} and the code is gone.
     */
    public IssuedAccessToken exchangeCode(OAuthApp app, String code, String redirectUri, String codeVerifier) {
        if (code == null || code.isEmpty() || code.length() > 200) throw OAuthError.invalidGrant();
        OAuthCodeStore.StoredCode stored = db.dsl().transactionResult(cfg ->
                codes.use(cfg.dsl(), Secrets.sha256(code), clock.instant())).orElseThrow(OAuthError::invalidGrant);
        if (stored.appId() != app.id() || !stored.redirectUri().equals(redirectUri)) throw OAuthError.invalidGrant();
        if (!verifierMatches(stored.codeChallenge(), codeVerifier)) throw OAuthError.invalidGrant();
        Person person = people.findById(db.dsl(), stored.personId()).filter(p -> !p.isDisabled()).orElseThrow(OAuthError::invalidGrant);
        if (person.membership(stored.actorId()).isEmpty()) throw OAuthError.invalidGrant();
        return issue(app, Optional.of(person.id()), Optional.of(stored.actorId()), stored.scopes());
    }

    /** A token for the app itself (no person): for the app's own endpoints and public reads. */
    public IssuedAccessToken clientCredentials(OAuthApp app, String scope) {
        OAuthScopes scopes = (scope == null || scope.isBlank() ? Optional.of(OAuthScopes.DEFAULT) : OAuthScopes.parse(scope))
                .filter(s -> !s.isEmpty() && app.scopes().covers(s)).orElseThrow(OAuthError::invalidScope);
        return issue(app, Optional.empty(), Optional.empty(), scopes);
    }

    /** What a presented bearer token may do in the client API; empty for unknown, revoked and disabled people's tokens. */
    public Optional<ClientGrant> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 200) return Optional.empty();
        Optional<StoredToken> found = tokens.findByHash(db.dsl(), Secrets.sha256(presented)).filter(t -> !t.revoked());
        if (found.isEmpty()) return Optional.empty();
        StoredToken token = found.get();
        Optional<OAuthApp> app = apps.findById(token.appId());
        if (app.isEmpty()) return Optional.empty();
        Optional<ClientGrant.User> user = Optional.empty();
        if (token.personId().isPresent()) {
            Optional<Person> person = people.findById(db.dsl(), token.personId().get()).filter(p -> !p.isDisabled());
            Optional<Membership> membership = person.flatMap(p -> p.membership(token.actorId().orElseThrow()));
            if (membership.isEmpty()) return Optional.empty(); // disabled, or no longer acting for it
            user = Optional.of(new ClientGrant.User(person.get().id(), person.get().username(), membership.get().municipality(),
                    membership.get().role()));
        }
        Instant now = clock.instant();
        if (token.lastUsed().map(t -> t.isBefore(now.minus(LAST_USED_RESOLUTION))).orElse(true)) {
            tokens.touch(db.dsl(), token.id(), now, LAST_USED_RESOLUTION);
        }
        return Optional.of(new ClientGrant(token.id(), app.get(), user, token.scopes()));
    }

    /** The same token seen by the staff API: a person's token, its Mastodon scopes mapped onto the staff scopes. */
    public Optional<AccessGrant> staffGrant(String presented) {
        return authenticate(presented).flatMap(grant -> grant.user().map(user -> {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            STAFF_SCOPES.forEach((staff, mastodon) -> {
                if (grant.scopes().allows(mastodon)) scopes.add(staff);
            });
            return new AccessGrant(grant.tokenId(), user.municipality(), scopes, "oauth-token:" + grant.tokenId(),
                    Optional.of(user.personId()));
        }));
    }

    /**
     * Revokes a token the app holds (RFC 7009): unknown tokens count as revoked; another app's token is
     * refused with {@code unauthorized_client}, as Mastodon answers.
     */
    public void revoke(OAuthApp app, String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 200) return;
        Optional<StoredToken> found = tokens.findByHash(db.dsl(), Secrets.sha256(presented));
        if (found.isEmpty()) return;
        if (found.get().appId() != app.id()) throw new OAuthError(403, "unauthorized_client", "You are not authorized to revoke this token");
        tokens.revoke(db.dsl(), found.get().id(), clock.instant());
    }

    private IssuedAccessToken issue(OAuthApp app, Optional<Long> personId, Optional<Long> actorId, OAuthScopes scopes) {
        String secret = Secrets.random(PREFIX);
        StoredToken stored = tokens.insert(db.dsl(), Secrets.sha256(secret), app.id(), personId, actorId, scopes);
        return new IssuedAccessToken(secret, scopes, stored.created());
    }

    /** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(verifier))) == challenge. Without a challenge, no verifier may come either. */
    static boolean verifierMatches(Optional<String> challenge, String verifier) {
        if (challenge.isEmpty()) return verifier == null || verifier.isEmpty();
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) return false;
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.sha256(verifier));
        return Secrets.sameSecret(computed, challenge.get());
    }
}
