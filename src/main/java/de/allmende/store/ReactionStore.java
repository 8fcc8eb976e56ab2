package de.allmende.store;

import de.allmende.db.Changes;
import de.allmende.db.tables.records.ReactionRecord;
import de.allmende.domain.AccountRef;
import org.jooq.DSLContext;
import org.jooq.Record1;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.REACTION;

/**
 * Likes and Announces (boosts) by account, of an object: its post id where it is a post here, its IRI always
 * (a reaction may name an object that is no post here, see migration V9). At most one of each kind per account
 * and object.
 */
public final class ReactionStore {
    public enum Kind { LIKE, ANNOUNCE }

    /** A reaction as stored: who, of what, made by which activity. */
    public record Reaction(long id, Kind kind, AccountRef account, URI object, Optional<Long> postId, String activityIri) {}

    /**
     * Records a reaction; false if the account reacted so to the object before. A local account's reactions show
     * in its liked collection and (boosts) its outbox; remote ones are not announced.
     */
    public boolean insert(DSLContext tx, Kind kind, AccountRef by, URI object, Optional<Long> postId, String activityIri) {
        Changes.announce(tx, by.iri().toString());
        return tx.insertInto(REACTION).set(REACTION.KIND, column(kind))
                .set(REACTION.ACCOUNT_ID, by.id()).set(REACTION.ACTOR, by.iri().toString())
                .set(REACTION.OBJECT_IRI, object.toString()).set(REACTION.POST_ID, postId.orElse(null))
                .set(REACTION.ACTIVITY_IRI, activityIri)
                .onConflictDoNothing().execute() == 1;
    }

    /** Removes the reaction of this kind made by {@code activityIri}, only if it is {@code accountId}'s; returns what it was. */
    public Optional<Reaction> deleteByActivity(DSLContext tx, Kind kind, String activityIri, long accountId) {
        return announced(tx, tx.deleteFrom(REACTION).where(REACTION.ACTIVITY_IRI.eq(activityIri), REACTION.KIND.eq(column(kind)),
                REACTION.ACCOUNT_ID.eq(accountId)).returning().fetchOptional());
    }

    /** Removes the account's reaction of this kind to the object; returns what it was. */
    public Optional<Reaction> delete(DSLContext tx, Kind kind, long accountId, URI object) {
        return announced(tx, tx.deleteFrom(REACTION).where(REACTION.KIND.eq(column(kind)), REACTION.ACCOUNT_ID.eq(accountId),
                REACTION.OBJECT_IRI.eq(object.toString())).returning().fetchOptional());
    }

    /** The id of the activity that made the reaction (an Undo must embed it). */
    public Optional<String> activityOf(DSLContext tx, Kind kind, long accountId, URI object) {
        return tx.select(REACTION.ACTIVITY_IRI).from(REACTION).where(REACTION.KIND.eq(column(kind)), REACTION.ACCOUNT_ID.eq(accountId),
                REACTION.OBJECT_IRI.eq(object.toString())).fetchOptional(Record1::value1);
    }

    /**
     * Whether the account's reaction of this kind to the object holds, its row locked until the transaction ends (FOR
     * SHARE): what the caller writes because of it (a notification) commits before a concurrent Undo removes it.
     */
    public boolean holds(DSLContext tx, Kind kind, long accountId, URI object) {
        return tx.select(REACTION.ID).from(REACTION).where(REACTION.KIND.eq(column(kind)), REACTION.ACCOUNT_ID.eq(accountId),
                REACTION.OBJECT_IRI.eq(object.toString())).forShare().fetchOptional().isPresent();
    }

    /** IRIs of what the account likes, newest first. */
    public List<String> likedBy(DSLContext tx, long accountId) {
        return tx.select(REACTION.OBJECT_IRI).from(REACTION).where(REACTION.KIND.eq("like"), REACTION.ACCOUNT_ID.eq(accountId))
                .orderBy(REACTION.ID.desc()).fetch(Record1::value1);
    }

    /** Who reacted so to a post, newest first, paged over the reactions' ids. */
    public List<CursorPages.Listed<Long>> reactors(DSLContext tx, Kind kind, long postId, de.allmende.domain.client.PageRequest page) {
        return CursorPages.page(tx, REACTION, REACTION.ID, REACTION.ACCOUNT_ID, REACTION.KIND.eq(column(kind)).and(REACTION.POST_ID.eq(postId)), page);
    }

    /** The posts here an account liked, newest like first, paged over the likes' ids. */
    public List<CursorPages.Listed<Long>> likedPosts(DSLContext tx, long accountId, de.allmende.domain.client.PageRequest page) {
        return CursorPages.page(tx, REACTION, REACTION.ID, REACTION.POST_ID,
                REACTION.KIND.eq("like").and(REACTION.ACCOUNT_ID.eq(accountId)).and(REACTION.POST_ID.isNotNull()), page);
    }

    /** How many reactions of this kind a post has. */
    public int count(DSLContext tx, Kind kind, long postId) {
        return tx.fetchCount(REACTION, REACTION.KIND.eq(column(kind)).and(REACTION.POST_ID.eq(postId)));
    }

    private static Optional<Reaction> announced(DSLContext tx, Optional<ReactionRecord> removed) {
        removed.ifPresent(r -> Changes.announce(tx, r.getActor()));
        return removed.map(r -> new Reaction(r.getId(), Kind.valueOf(r.getKind().toUpperCase()),
                new AccountRef(r.getAccountId(), URI.create(r.getActor())), URI.create(r.getObjectIri()),
                Optional.ofNullable(r.getPostId()), r.getActivityIri()));
    }

    private static String column(Kind kind) {
        return kind.name().toLowerCase();
    }
}
