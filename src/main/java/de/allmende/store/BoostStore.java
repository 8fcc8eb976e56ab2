package de.allmende.store;

import de.allmende.domain.post.Boost;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.POST;

/**
 * Boosts as posts of their own ({@code kind = 'boost'}, {@code reblog_of_id} naming the boosted post), as
 * Mastodon keeps a reblog: timelines and notifications see them in the same table as every other post.
 */
public final class BoostStore {
    /** Saves a boost; empty if it is stored already (this Announce, or the booster's boost of that post). */
    public Optional<Long> save(DSLContext tx, Boost b, long boosterId, long boostedId) {
        Post p = new Post(b.iri(), b.booster(), PostKind.BOOST, b.audience(), b.visibility(), Optional.empty(), Optional.empty(),
                Optional.of(b.boosted()), LanguageMap.EMPTY, LanguageMap.EMPTY, LanguageMap.EMPTY, false, List.of(), List.of(), List.of(), Optional.empty(),
                b.published(), Optional.empty(), Optional.empty(), b.origin());
        return tx.insertInto(POST)
                .set(POST.IRI, b.iri().toString()).set(POST.AUTHOR_ID, boosterId).set(POST.AUTHOR_IRI, b.booster().toString())
                .set(POST.REBLOG_OF_ID, boostedId).set(POST.PUBLISHED, PostStore.at(b.published()))
                .set(PostColumns.of(p).values())
                .onConflictDoNothing().returning(POST.ID).fetchOptional().map(r -> r.getId());
    }

    /** Removes the boost made by this Announce, only if it is the booster's; false if there is none. */
    public boolean delete(DSLContext tx, URI announce, long boosterId) {
        return tx.deleteFrom(POST).where(POST.IRI.eq(announce.toString()), POST.AUTHOR_ID.eq(boosterId), POST.REBLOG_OF_ID.isNotNull())
                .execute() == 1;
    }

    /** The id of the boosted post, if {@code iri} is a boost by the account. */
    public Optional<Long> boosted(DSLContext tx, URI iri, long boosterId) {
        return tx.select(POST.REBLOG_OF_ID).from(POST).where(POST.IRI.eq(iri.toString()), POST.AUTHOR_ID.eq(boosterId),
                POST.REBLOG_OF_ID.isNotNull()).fetchOptional(POST.REBLOG_OF_ID);
    }
}
