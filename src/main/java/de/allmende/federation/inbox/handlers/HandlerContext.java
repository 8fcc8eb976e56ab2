package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.service.ActorService;
import de.allmende.store.ActivityStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.RemoteActorStore;

/** What inbound handlers share. */
public record HandlerContext(
        Database db,
        Iris iris,
        ActorService actors,
        ActorResolver resolver,
        RemoteFetcher fetcher,
        OutboxService outbox,
        ModerationService moderation,
        FollowStore follows,
        ObjectStore objects,
        ActivityStore activities,
        ReactionStore reactions,
        RemoteActorStore remoteActors,
        ObjectProofChecker proofs) {
}
