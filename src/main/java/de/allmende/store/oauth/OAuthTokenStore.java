package de.allmende.store.oauth;

import de.allmende.domain.oauth.OAuthScopes;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;

import static de.allmende.db.Tables.OAUTH_TOKEN;

/** OAuth access tokens, hashed. */
public final class OAuthTokenStore {
    private static final de.allmende.store.push.PushSubscriptionStore PUSH = new de.allmende.store.push.PushSubscriptionStore();
    /** A token row: whose it is and what it may do. */
    public record StoredToken(long id, long appId, Optional<Long> personId, Optional<Long> actorId, OAuthScopes scopes,
                              Instant created, Optional<Instant> lastUsed, boolean revoked) {}

    public StoredToken insert(DSLContext tx, byte[] tokenHash, long appId, Optional<Long> personId, Optional<Long> actorId,
                              OAuthScopes scopes) {
        return toToken(tx.insertInto(OAUTH_TOKEN).set(OAUTH_TOKEN.TOKEN_HASH, tokenHash).set(OAUTH_TOKEN.APP_ID, appId)
                .set(OAUTH_TOKEN.PERSON_ID, personId.orElse(null)).set(OAUTH_TOKEN.ACTOR_ID, actorId.orElse(null))
                .set(OAUTH_TOKEN.SCOPES, scopes.list().toArray(String[]::new)).returning().fetchSingle());
    }

    public Optional<StoredToken> findByHash(DSLContext tx, byte[] tokenHash) {
        return tx.selectFrom(OAUTH_TOKEN).where(OAUTH_TOKEN.TOKEN_HASH.eq(tokenHash)).fetchOptional(OAuthTokenStore::toToken);
    }

    /** Ends a token; its Web Push subscription goes with it (Mastodon's). */
    public void revoke(DSLContext tx, long id, Instant now) {
        tx.update(OAUTH_TOKEN).set(OAUTH_TOKEN.REVOKED, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(OAUTH_TOKEN.ID.eq(id), OAUTH_TOKEN.REVOKED.isNull()).execute();
        PUSH.deleteOfToken(tx, id);
    }

    /** Ends every token of a person (disabled), and their Web Push subscriptions. */
    public void revokeAllOf(DSLContext tx, long personId, Instant now) {
        tx.update(OAUTH_TOKEN).set(OAUTH_TOKEN.REVOKED, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(OAUTH_TOKEN.PERSON_ID.eq(personId), OAUTH_TOKEN.REVOKED.isNull()).execute();
        PUSH.deleteOfPerson(tx, personId);
    }

    /** Records use at most once per {@code resolution}, as the staff tokens do. */
    public void touch(DSLContext tx, long id, Instant now, Duration resolution) {
        OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        tx.update(OAUTH_TOKEN).set(OAUTH_TOKEN.LAST_USED, t)
                .where(OAUTH_TOKEN.ID.eq(id), OAUTH_TOKEN.LAST_USED.isNull().or(OAUTH_TOKEN.LAST_USED.lt(t.minus(resolution))))
                .execute();
    }

    private static StoredToken toToken(de.allmende.db.tables.records.OauthTokenRecord r) {
        return new StoredToken(r.getId(), r.getAppId(), Optional.ofNullable(r.getPersonId()), Optional.ofNullable(r.getActorId()),
                new OAuthScopes(new LinkedHashSet<>(Arrays.asList(r.getScopes()))), r.getCreated().toInstant(),
                Optional.ofNullable(r.getLastUsed()).map(OffsetDateTime::toInstant), r.getRevoked() != null);
    }
}
