package de.allmende.federation;

import de.allmende.config.NodeConfig;
import de.allmende.db.Database;
import de.allmende.federation.delivery.DeliveryWorker;
import de.allmende.federation.delivery.RetryPolicy;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.LocalKeys;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.http.SignatureSchemes;
import de.allmende.federation.inbox.ActivityRouter;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.inbox.InboxWorker;
import de.allmende.federation.inbox.handlers.FollowHandler;
import de.allmende.federation.inbox.handlers.FollowResponseHandler;
import de.allmende.federation.inbox.handlers.HandlerContext;
import de.allmende.federation.inbox.handlers.ObjectHandlers;
import de.allmende.federation.inbox.handlers.ReactionHandler;
import de.allmende.federation.inbox.handlers.UndoHandler;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.moderation.Moderation;
import de.allmende.federation.outbox.FanOut;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.service.ActorService;
import de.allmende.service.KeyService;
import de.allmende.service.events.EventWorker;
import de.allmende.domain.event.Consumer;
import de.allmende.store.ActivityStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.RemoteActorStore;

import java.time.Clock;

/** Wiring of the federation core. Workers run only in {@code serve}; CLI commands just write to the queues. */
public final class Federation implements AutoCloseable {
    public final SafeHttpClient http;
    public final RequestSigner signer;
    public final RemoteFetcher fetcher;
    public final ActorResolver resolver;
    public final Moderation moderation;
    public final OutboxService outbox;
    public final InboxPipeline inbox;
    private final SignatureSchemes schemes;
    private final Database db;
    private final Database workDb;
    private final ActivityRouter router;
    private final RetryPolicy retry;
    private final Iris iris;
    private final Clock clock;
    private final java.time.Duration deliveryLease;
    private DeliveryWorker deliveryWorker;
    private InboxWorker inboxWorker;
    private EventWorker eventWorker;

    public Federation(NodeConfig config, Database db, Iris iris, KeyService keys, ActorService actors, Clock clock) {
        this.db = db;
        this.iris = iris;
        this.clock = clock;
        this.deliveryLease = config.deliveryLease();
        this.http = new SafeHttpClient(config.allowPrivateNetworks());
        this.signer = new RequestSigner(keys, clock);
        this.fetcher = new RemoteFetcher(http, signer, iris, actors::instanceActor);
        RemoteActorStore remoteActors = new RemoteActorStore();
        this.resolver = new ActorResolver(db, remoteActors, fetcher, http, clock, config.allowPrivateNetworks(),
                new LocalKeys(iris, actors, keys));
        this.moderation = new Moderation(db, config.allowlistMode(), iris.instanceActor());
        this.outbox = new OutboxService(db, iris, clock, resolver, fetcher, keys);
        this.schemes = new SignatureSchemes(db);
        this.inbox = new InboxPipeline(db, resolver, moderation, schemes, clock);
        this.retry = new RetryPolicy(RetryPolicy.MASTODON.maxAttempts(), config.retryScale());
        this.workDb = db.relaxedCommits();
        HandlerContext c = new HandlerContext(workDb, iris, actors, resolver, fetcher, outbox, moderation, new FollowStore(),
                new ObjectStore(), new ActivityStore(), new ReactionStore(), remoteActors, new ObjectProofChecker(resolver));
        ObjectHandlers objects = new ObjectHandlers(c);
        this.router = new ActivityRouter()
                .on("Follow", new FollowHandler(c))
                .on("Accept", FollowResponseHandler.accept(c))
                .on("Reject", FollowResponseHandler.reject(c))
                .on("Undo", new UndoHandler(c))
                .on("Create", objects.create)
                .on("Update", objects.update)
                .on("Delete", objects.delete)
                .on("Like", new ReactionHandler(c, ReactionStore.Kind.LIKE))
                .on("Join", new de.allmende.federation.inbox.handlers.JoinHandler(c))
                .on("Announce", new ReactionHandler(c, ReactionStore.Kind.ANNOUNCE));
    }

    /** What this node knows of each host's signature scheme; for tests. */
    public SignatureSchemes schemesForTests() {
        return schemes;
    }

    /** The inbound dispatcher the inbox worker uses; exposed for tests that apply recorded activities directly. */
    public ActivityRouter router() {
        return router;
    }

    /** Starts the queue workers (domain event consumers, inbox processing and delivery). */
    public void startWorkers() {
        eventWorker = new EventWorker(workDb, deliveryLease).on(Consumer.FAN_OUT, new FanOut(workDb)::apply).start();
        inboxWorker = new InboxWorker(workDb, router).start();
        deliveryWorker = new DeliveryWorker(workDb, http, signer, schemes, iris, moderation, retry, clock, deliveryLease).start();
    }

    @Override
    public void close() {
        inbox.close();
        if (eventWorker != null) eventWorker.close();
        if (deliveryWorker != null) deliveryWorker.close();
        if (inboxWorker != null) inboxWorker.close();
        http.close(); // last: the workers above may still finish a request while they stop
    }
}
