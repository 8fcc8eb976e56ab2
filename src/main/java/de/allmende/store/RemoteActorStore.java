package de.allmende.store;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.RemoteActor.RemoteKey;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static de.allmende.db.Tables.REMOTE_ACTOR;
import static de.allmende.db.Tables.REMOTE_KEY;

/** Cache of remote actors (with their raw documents) and their public keys. */
public final class RemoteActorStore {

    public record CachedActor(RemoteActor actor, Instant fetched) {}

    /** An actor document as last fetched (or received in an Update). */
    public record CachedDocument(JsonNode raw, Instant fetched) {}

    public void upsert(DSLContext tx, RemoteActor a, JsonNode raw) {
        tx.insertInto(REMOTE_ACTOR)
                .set(REMOTE_ACTOR.IRI, a.iri().toString()).set(REMOTE_ACTOR.HOST, a.host()).set(REMOTE_ACTOR.TYPE, a.type())
                .set(REMOTE_ACTOR.PREFERRED_USERNAME, a.preferredUsername().orElse(null)).set(REMOTE_ACTOR.NAME, a.name().orElse(null))
                .set(REMOTE_ACTOR.INBOX, a.inbox().toString()).set(REMOTE_ACTOR.SHARED_INBOX, a.sharedInbox().map(URI::toString).orElse(null))
                .set(REMOTE_ACTOR.FOLLOWERS, a.followers().map(URI::toString).orElse(null))
                .set(REMOTE_ACTOR.RAW, JSONB.valueOf(raw.toString()))
                .onConflict(REMOTE_ACTOR.IRI).doUpdate()
                .set(REMOTE_ACTOR.TYPE, DSL.excluded(REMOTE_ACTOR.TYPE)).set(REMOTE_ACTOR.PREFERRED_USERNAME, DSL.excluded(REMOTE_ACTOR.PREFERRED_USERNAME))
                .set(REMOTE_ACTOR.NAME, DSL.excluded(REMOTE_ACTOR.NAME)).set(REMOTE_ACTOR.INBOX, DSL.excluded(REMOTE_ACTOR.INBOX))
                .set(REMOTE_ACTOR.SHARED_INBOX, DSL.excluded(REMOTE_ACTOR.SHARED_INBOX)).set(REMOTE_ACTOR.FOLLOWERS, DSL.excluded(REMOTE_ACTOR.FOLLOWERS))
                .set(REMOTE_ACTOR.RAW, DSL.excluded(REMOTE_ACTOR.RAW)).set(REMOTE_ACTOR.FETCHED, DSL.currentOffsetDateTime())
                .execute();
        upsertKeys(tx, a);
    }

    /**
     * The actor's keys as its document lists them now: listed keys are stored (a key id never changes
     * its owner: the conflict update applies only to the same owner), keys it no longer lists are
     * dropped, so a replaced or withdrawn key stops verifying. The converter has already dropped keys
     * not under the actor's IRI, which the table's check would refuse.
     */
    private static void upsertKeys(DSLContext tx, RemoteActor a) {
        String owner = a.iri().toString();
        tx.deleteFrom(REMOTE_KEY).where(REMOTE_KEY.OWNER.eq(owner), REMOTE_KEY.KEY_ID.notIn(a.keys().stream().map(RemoteKey::keyId).toList()))
                .execute();
        for (RemoteKey k : a.keys()) {
            tx.insertInto(REMOTE_KEY).set(REMOTE_KEY.KEY_ID, k.keyId()).set(REMOTE_KEY.OWNER, owner)
                    .set(REMOTE_KEY.ALGORITHM, k.algorithm()).set(REMOTE_KEY.SPKI, k.spki())
                    .onConflict(REMOTE_KEY.KEY_ID).doUpdate()
                    .set(REMOTE_KEY.ALGORITHM, DSL.excluded(REMOTE_KEY.ALGORITHM))
                    .set(REMOTE_KEY.SPKI, DSL.excluded(REMOTE_KEY.SPKI)).set(REMOTE_KEY.FETCHED, DSL.currentOffsetDateTime())
                    .where(REMOTE_KEY.OWNER.eq(owner))
                    .execute();
        }
    }

    public Optional<CachedActor> find(DSLContext tx, URI iri) {
        return tx.selectFrom(REMOTE_ACTOR).where(REMOTE_ACTOR.IRI.eq(iri.toString())).fetchOptional(r -> {
            RemoteActor a = new RemoteActor(URI.create(r.getIri()), r.getType(), Optional.ofNullable(r.getPreferredUsername()),
                    Optional.ofNullable(r.getName()), URI.create(r.getInbox()), Optional.ofNullable(r.getSharedInbox()).map(URI::create),
                    Optional.ofNullable(r.getFollowers()).map(URI::create), java.util.List.of());
            return new CachedActor(a, r.getFetched().toInstant());
        });
    }

    public Optional<CachedDocument> findDocument(DSLContext tx, URI iri) {
        return tx.select(REMOTE_ACTOR.RAW, REMOTE_ACTOR.FETCHED).from(REMOTE_ACTOR).where(REMOTE_ACTOR.IRI.eq(iri.toString()))
                .fetchOptional(r -> new CachedDocument(ObjectStore.read(r.value1()), r.value2().toInstant()));
    }

    public Optional<RemoteKey> findKey(DSLContext tx, String keyId) {
        return tx.selectFrom(REMOTE_KEY).where(REMOTE_KEY.KEY_ID.eq(keyId))
                .fetchOptional(r -> new RemoteKey(r.getKeyId(), URI.create(r.getOwner()), r.getAlgorithm(), r.getSpki()));
    }

    /**
     * Distinct delivery inboxes of an actor's accepted remote followers: the shared inbox where one
     * is offered, so each host gets one POST.
     */
    public java.util.Set<String> followerInboxes(DSLContext tx, long followeeAccountId) {
        var follow = de.allmende.db.Tables.FOLLOW;
        var account = de.allmende.db.Tables.ACCOUNT;
        return new java.util.LinkedHashSet<>(tx.selectDistinct(DSL.coalesce(REMOTE_ACTOR.SHARED_INBOX, REMOTE_ACTOR.INBOX))
                .from(follow).join(account).on(account.ID.eq(follow.FOLLOWER_ID)).join(REMOTE_ACTOR).on(REMOTE_ACTOR.ID.eq(account.REMOTE_ACTOR_ID))
                .where(follow.FOLLOWEE_ID.eq(followeeAccountId), follow.STATE.eq("accepted"))
                .fetch(org.jooq.Record1::value1));
    }

    public void delete(DSLContext tx, URI iri) {
        tx.deleteFrom(REMOTE_KEY).where(REMOTE_KEY.OWNER.eq(iri.toString())).execute();
        tx.deleteFrom(REMOTE_ACTOR).where(REMOTE_ACTOR.IRI.eq(iri.toString())).execute();
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
