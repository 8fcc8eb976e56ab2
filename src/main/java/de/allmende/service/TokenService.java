package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.AccessGrant;
import de.allmende.domain.FieldError;
import de.allmende.domain.IssuedToken;
import de.allmende.domain.LocalActor;
import de.allmende.domain.Scope;
import de.allmende.domain.TokenInfo;
import de.allmende.domain.ValidationException;
import de.allmende.store.ActorStore;
import de.allmende.store.TokenStore;
import de.allmende.support.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff API tokens: issued by the CLI for one municipality with a set of scopes, shown once, stored
 * only as a SHA-256 hash (a 256-bit random secret needs no slow hash), revocable at once.
 */
public final class TokenService {
    /** Recognisable in leaked text (secret scanners, logs); the rest is 256 random bits, base64url. */
    public static final String PREFIX = "alm_";
    /** How precisely {@code last_used} is kept: at most one write per token and interval. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_LABEL = 200;
    private static final int MAX_TOKEN_LENGTH = 200;

    private final Database db;
    private final TokenStore tokens;
    private final ActorStore actors;
    private final Clock clock;

    public TokenService(Database db, TokenStore tokens, ActorStore actors, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.actors = actors;
        this.clock = clock;
    }

    /** Issues a token for a municipality; the returned secret is not stored and cannot be shown again. */
    public IssuedToken issue(String handle, Set<Scope> scopes, String label) {
        String cleanLabel = label == null ? "" : label.strip();
        if (scopes.isEmpty()) throw invalid("scope", "at least one of " + allScopes());
        if (cleanLabel.length() > MAX_LABEL || cleanLabel.chars().anyMatch(Character::isISOControl)) {
            throw invalid("label", "at most " + MAX_LABEL + " characters, no control characters");
        }
        LocalActor actor = municipality(handle);
        String secret = Secrets.random(PREFIX);
        TokenInfo info = tokens.insert(db.dsl(), hash(secret), actor.id(), scopes, cleanLabel);
        return new IssuedToken(info, secret);
    }

    /** The tokens of a municipality, revoked ones included, without secrets. */
    public List<TokenInfo> list(String handle) {
        return tokens.listByActor(db.dsl(), municipality(handle).id());
    }

    /** Revokes a token; requests with it fail from now on. Revoking twice is harmless. */
    public TokenInfo revoke(long id) {
        tokens.findById(db.dsl(), id).orElseThrow(() -> invalid("id", "no token " + id));
        tokens.revoke(db.dsl(), id, clock.instant());
        return tokens.findById(db.dsl(), id).orElseThrow();
    }

    /**
     * What a presented bearer token may do; empty for unknown and revoked tokens. Records the use at
     * most once per {@link #LAST_USED_RESOLUTION}, so steady traffic costs reads, not writes.
     */
    public Optional<AccessGrant> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        Optional<TokenInfo> found = tokens.findByHash(db.dsl(), hash(presented)).filter(t -> !t.isRevoked());
        if (found.isEmpty()) return Optional.empty();
        TokenInfo token = found.get();
        Optional<LocalActor> actor = actors.findById(db.dsl(), token.actorId()).filter(a -> !a.isInstance());
        if (actor.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        if (token.lastUsed().map(t -> t.isBefore(now.minus(LAST_USED_RESOLUTION))).orElse(true)) {
            tokens.touch(db.dsl(), token.id(), now, LAST_USED_RESOLUTION);
        }
        return Optional.of(new AccessGrant(token.id(), actor.get(), token.scopes()));
    }

    private LocalActor municipality(String handle) {
        return actors.findMunicipality(db.dsl(), handle)
                .orElseThrow(() -> invalid("handle", "no municipality '" + handle + "' on this node"));
    }

    private static String allScopes() {
        return String.join(", ", java.util.Arrays.stream(Scope.values()).map(Scope::code).toList());
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    static byte[] hash(String token) {
        return Secrets.sha256(token);
    }
}
