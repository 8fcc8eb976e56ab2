package de.allmende.store.oauth;

import de.allmende.domain.oauth.OAuthScopes;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;

import static de.allmende.db.Tables.OAUTH_CODE;

/** Authorization codes, hashed, each used at most once. */
public final class OAuthCodeStore {
    /** A code as it was issued, to check a token request against. */
    public record StoredCode(long appId, long personId, long actorId, String redirectUri, OAuthScopes scopes,
                             Optional<String> codeChallenge) {}

    public void insert(DSLContext tx, byte[] secretHash, StoredCode code, Instant expires) {
        tx.insertInto(OAUTH_CODE).set(OAUTH_CODE.SECRET_HASH, secretHash).set(OAUTH_CODE.APP_ID, code.appId())
                .set(OAUTH_CODE.PERSON_ID, code.personId()).set(OAUTH_CODE.ACTOR_ID, code.actorId())
                .set(OAUTH_CODE.REDIRECT_URI, code.redirectUri()).set(OAUTH_CODE.SCOPES, code.scopes().list().toArray(String[]::new))
                .set(OAUTH_CODE.CODE_CHALLENGE, code.codeChallenge().orElse(null))
                .set(OAUTH_CODE.EXPIRES, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)).execute();
    }

    /**
     * Uses a code: the first caller gets it, any later one (a replay) nothing; an expired code is nothing too.
     * Checking it against the request is the caller's job, after it has been used up, so a wrong guess at the
     * verifier burns the code rather than leaving it for more guesses.
     */
    public Optional<StoredCode> use(DSLContext tx, byte[] secretHash, Instant now) {
        OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return tx.update(OAUTH_CODE).set(OAUTH_CODE.USED, t)
                .where(OAUTH_CODE.SECRET_HASH.eq(secretHash), OAUTH_CODE.USED.isNull(), OAUTH_CODE.EXPIRES.gt(t))
                .returning().fetchOptional()
                .map(r -> new StoredCode(r.getAppId(), r.getPersonId(), r.getActorId(), r.getRedirectUri(),
                        new OAuthScopes(new LinkedHashSet<>(Arrays.asList(r.getScopes()))), Optional.ofNullable(r.getCodeChallenge())));
    }
}
