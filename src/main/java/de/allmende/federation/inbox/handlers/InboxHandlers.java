package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.inbox.ActivityRouter;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AcceptActivity;
import de.allmende.federation.vocab.AnnounceActivity;
import de.allmende.federation.vocab.CreateActivity;
import de.allmende.federation.vocab.DeleteActivity;
import de.allmende.federation.vocab.FlagActivity;
import de.allmende.federation.vocab.FollowActivity;
import de.allmende.federation.vocab.JoinActivity;
import de.allmende.federation.vocab.LikeActivity;
import de.allmende.federation.vocab.RejectActivity;
import de.allmende.federation.vocab.UndoActivity;
import de.allmende.federation.vocab.UpdateActivity;
import de.allmende.federation.fetch.RemoteActorDirectory;
import de.allmende.service.AccountDeletionService;
import de.allmende.service.ActorService;
import de.allmende.service.BoostService;
import de.allmende.service.EventJoins;
import de.allmende.service.FollowRequestService;
import de.allmende.service.FollowService;
import de.allmende.service.LikeService;
import de.allmende.service.RelaySubscriptions;
import de.allmende.service.RemotePosts;
import de.allmende.service.ReportService;
import de.allmende.service.people.AuditTrail;
import de.allmende.service.port.ActorDirectory;

/** The one table of what handles which inbound activity; each handler gets only the collaborators it uses. */
public final class InboxHandlers {
    private InboxHandlers() {}

    /** @param db the database the handlers write with (the worker's, with relaxed commits) */
    public static ActivityRouter router(Database db, Iris iris, ActorService actors, ActorResolver resolver, RemoteFetcher fetcher,
                                        OutboxService outbox, ModerationService moderation) {
        ObjectProofChecker proofs = new ObjectProofChecker(resolver);
        ReceivedPosts posts = receivedPosts(db, iris, actors, resolver);
        // The same use cases the staff API calls, on the handlers' database.
        ActorDirectory directory = new RemoteActorDirectory(db, resolver, fetcher);
        FollowService follows = new FollowService(db, iris, directory, outbox);
        FollowRequestService followRequests = new FollowRequestService(db, iris, directory, outbox);
        LikeService likes = new LikeService(db, iris, directory, outbox);
        BoostService boosts = new BoostService(db, iris, directory, outbox);
        RelaySubscriptions relays = new RelaySubscriptions(db, iris, directory, outbox, actors::instanceActor);
        return new ActivityRouter()
                .on(FollowActivity.class, new FollowHandler(iris, actors, resolver, moderation, followRequests))
                .on(AcceptActivity.class, new AcceptHandler(follows, relays))
                .on(RejectActivity.class, new RejectHandler(follows, relays))
                .on(UndoActivity.class, new UndoHandler(followRequests, likes, boosts))
                .on(LikeActivity.class, new LikeHandler(resolver, likes))
                .on(AnnounceActivity.class, new AnnounceHandler(resolver, new AnnouncedObjects(iris, moderation, fetcher, proofs, posts), boosts))
                .on(CreateActivity.class, new CreateHandler(posts, fetcher, proofs,
                        new de.allmende.service.LocalPolls(db, iris, outbox, java.time.Clock.systemUTC())))
                .on(UpdateActivity.class, new UpdateHandler(resolver, posts, fetcher, proofs))
                .on(DeleteActivity.class, new DeleteHandler(resolver, posts.use(), new AccountDeletionService(db), boosts))
                .on(JoinActivity.class, new JoinHandler(new EventJoins(db, actors, outbox), resolver))
                .on(FlagActivity.class, new FlagHandler(resolver, new ReportService(db, iris, outbox, new AuditTrail(db))));
    }

    /** The use case that keeps received posts, recording mentions of this node's municipalities. */
    static ReceivedPosts receivedPosts(Database db, Iris iris, ActorService actors, ActorResolver resolver) {
        return new ReceivedPosts(resolver, new RemotePosts(db, iri -> iris.parseActor(iri).flatMap(actors::findMunicipality).isPresent(),
                iris.base()));
    }
}
