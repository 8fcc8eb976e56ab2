package de.allmende.federation.inbox.handlers;

import de.allmende.domain.RawJson;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.ActivityJson;
import de.allmende.federation.vocab.DeleteActivity;
import de.allmende.service.AccountDeletionService;
import de.allmende.service.BoostService;
import de.allmende.service.RemotePosts;

import java.time.Instant;
import java.util.Optional;

/**
 * Delete of an object by its author (it becomes a Tombstone, see {@link RemotePosts#deleted}), of a boost by its
 * booster (as Mastodon takes a Delete naming an Announce), or of the actor itself: the account is gone.
 */
public final class DeleteHandler implements ActivityHandler<DeleteActivity> {
    private final ActorResolver resolver;
    private final RemotePosts posts;
    private final AccountDeletionService accounts;
    private final BoostService boosts;

    DeleteHandler(ActorResolver resolver, RemotePosts posts, AccountDeletionService accounts, BoostService boosts) {
        this.resolver = resolver;
        this.posts = posts;
        this.accounts = accounts;
        this.boosts = boosts;
    }

    @Override
    public void handle(DeleteActivity delete) {
        if (delete.deleted().equals(delete.actor())) {
            accounts.deleted(delete.actor());
            resolver.forget(delete.actor()); // its keys verify nothing any more, also from memory
            return;
        }
        RawJson tombstone = new RawJson(ActivityJson.tombstone(delete.deleted(), Instant.now()).toString());
        if (!posts.holds(delete.deleted())) {
            // An Announce, if any; else maybe a post a coordinator's backfill has not reached yet.
            boosts.withdrawn(delete.actor(), Optional.of(delete.deleted()), Optional.empty());
            posts.deletedBeforeKept(ReceivedActivities.neverPublic(delete.activity(), delete.deleted()), tombstone);
            return;
        }
        posts.deleted(ReceivedActivities.neverPublic(delete.activity(), delete.deleted()), tombstone);
    }
}
