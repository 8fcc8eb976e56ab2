package de.allmende.store;

import de.allmende.db.tables.records.AccessTokenRecord;
import de.allmende.domain.Scope;
import de.allmende.domain.TokenInfo;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static de.allmende.db.Tables.ACCESS_TOKEN;

/** Persistence of staff API tokens. Only the SHA-256 of a token is stored; every method takes its transaction. */
public final class TokenStore {

    /** Stores a new token and returns it as listed. */
    public TokenInfo insert(DSLContext tx, byte[] tokenHash, long actorId, Set<Scope> scopes, String label) {
        return toInfo(tx.insertInto(ACCESS_TOKEN)
                .set(ACCESS_TOKEN.TOKEN_HASH, tokenHash)
                .set(ACCESS_TOKEN.ACTOR_ID, actorId)
                .set(ACCESS_TOKEN.SCOPES, scopes.stream().map(Scope::code).sorted().toArray(String[]::new))
                .set(ACCESS_TOKEN.LABEL, label)
                .returning()
                .fetchSingle());
    }

    /** The token with this hash, revoked or not. */
    public Optional<TokenInfo> findByHash(DSLContext tx, byte[] tokenHash) {
        return tx.selectFrom(ACCESS_TOKEN).where(ACCESS_TOKEN.TOKEN_HASH.eq(tokenHash)).fetchOptional(TokenStore::toInfo);
    }

    public Optional<TokenInfo> findById(DSLContext tx, long id) {
        return tx.selectFrom(ACCESS_TOKEN).where(ACCESS_TOKEN.ID.eq(id)).fetchOptional(TokenStore::toInfo);
    }

    /** All tokens of an actor, oldest first. */
    public List<TokenInfo> listByActor(DSLContext tx, long actorId) {
        return tx.selectFrom(ACCESS_TOKEN).where(ACCESS_TOKEN.ACTOR_ID.eq(actorId)).orderBy(ACCESS_TOKEN.ID).fetch(TokenStore::toInfo);
    }

    /** Marks the token revoked; a token revoked before keeps its first revocation time. */
    public void revoke(DSLContext tx, long id, Instant now) {
        tx.update(ACCESS_TOKEN).set(ACCESS_TOKEN.REVOKED, utc(now))
                .where(ACCESS_TOKEN.ID.eq(id), ACCESS_TOKEN.REVOKED.isNull())
                .execute();
    }

    /**
     * Records use, unless a use within {@code resolution} is already recorded: concurrent requests of
     * one client then write at most one row version per interval.
     */
    public void touch(DSLContext tx, long id, Instant now, Duration resolution) {
        tx.update(ACCESS_TOKEN).set(ACCESS_TOKEN.LAST_USED, utc(now))
                .where(ACCESS_TOKEN.ID.eq(id),
                        ACCESS_TOKEN.LAST_USED.isNull().or(ACCESS_TOKEN.LAST_USED.lt(utc(now.minus(resolution)))))
                .execute();
    }

    private static TokenInfo toInfo(AccessTokenRecord r) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        // A scope this version does not know (written by a newer one) grants nothing here.
        Arrays.stream(r.getScopes()).map(Scope::byCode).flatMap(Optional::stream).forEach(scopes::add);
        return new TokenInfo(r.getId(), r.getActorId(), scopes, r.getLabel(), r.getCreated().toInstant(),
                Optional.ofNullable(r.getLastUsed()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getRevoked()).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
