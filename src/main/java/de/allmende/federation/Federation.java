package de.allmende.federation;

import de.allmende.config.NodeConfig;
import de.allmende.db.Database;
import de.allmende.federation.delivery.DeliveryWorker;
import de.allmende.federation.delivery.RetryPolicy;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.LocalKeys;
import de.allmende.federation.fetch.RemoteActorDirectory;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.http.SignatureSchemes;
import de.allmende.federation.inbox.ActivityRouter;
import de.allmende.federation.inbox.InboxBacklog;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.inbox.InboxWorker;
import de.allmende.federation.inbox.handlers.InboxHandlers;
import de.allmende.federation.inbox.handlers.KeptObjects;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.lookup.RemoteLookups;
import de.allmende.federation.outbox.FanOut;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.service.ActorService;
import de.allmende.service.KeyService;
import de.allmende.service.ModerationService;
import de.allmende.service.events.EventWorker;
import de.allmende.service.port.RemoteLookup;
import de.allmende.service.notifications.NotificationWriter;
import de.allmende.domain.event.Consumer;
import de.allmende.store.RemoteActorStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wiring of the federation core. Workers run only in {@code serve}; CLI commands just write to the queues. */
public final class Federation implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Federation.class);
    public final SafeHttpClient http;
    public final RequestSigner signer;
    public final RemoteFetcher fetcher;
    public final ActorResolver resolver;
    /** The service ports federation implements: remote actors, and publishing what use cases change. */
    public final RemoteActorDirectory directory;
    public final OutboxService outbox;
    public final InboxPipeline inbox;
    /** The relay actor's inbox (FEP-ae0c), on nodes that run a relay. */
    public final de.allmende.federation.relay.RelayInbox relay;
    /** Search's lookups of accounts and posts on other servers (a service port). */
    public final RemoteLookup lookup;
    /** Coordinators' discovery of municipalities on other nodes (a service port). */
    public final de.allmende.service.port.Municipalities municipalities;
    private final ModerationService moderation;
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
    private de.allmende.federation.backfill.BackfillWorker backfillWorker;
    private de.allmende.federation.backfill.DiscoveryWorker discoveryWorker;
    private de.allmende.federation.backfill.DirectoryFactsRefresh directoryFacts;
    private final de.allmende.federation.backfill.MunicipalityDiscovery discovery;
    private final ActorService actors;
    private final double retryScale;

    public Federation(NodeConfig config, Database db, Iris iris, KeyService keys, ActorService actors, ModerationService moderation,
                      Clock clock) {
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
        this.moderation = moderation;
        this.directory = new RemoteActorDirectory(db, resolver, fetcher);
        this.outbox = new OutboxService(iris, clock, keys);
        this.schemes = new SignatureSchemes(db);
        this.inbox = new InboxPipeline(db, resolver, moderation, schemes, clock, new InboxBacklog(db, config.maxInboxBacklog()),
                fetcher);
        this.relay = new de.allmende.federation.relay.RelayInbox(db, inbox, actors, resolver, moderation, outbox.relays(), iris);
        this.retry = new RetryPolicy(RetryPolicy.MASTODON.maxAttempts(), config.retryScale());
        this.workDb = db.relaxedCommits();
        this.router = InboxHandlers.router(workDb, iris, actors, resolver, fetcher, outbox, moderation);
        this.actors = actors;
        this.retryScale = config.retryScale();
        this.discovery = new de.allmende.federation.backfill.MunicipalityDiscovery(resolver, fetcher, http, db);
        this.municipalities = discovery;
        this.lookup = new RemoteLookups(resolver, fetcher, moderation, KeptObjects.create(db, iris, actors, resolver, moderation));
    }

    /** What this node knows of each host's signature scheme; for tests. */
    public SignatureSchemes schemesForTests() {
        return schemes;
    }

    /** The inbound dispatcher the inbox worker uses; exposed for tests that apply recorded activities directly. */
    public ActivityRouter router() {
        return router;
    }

    /**
     * Starts the queue workers (domain event consumers, inbox processing, delivery and coordinators' backfill); {@code consumers} registers the
     * handlers of the event consumers beyond fan-out, notifications and poll results (streaming, push, the search index);
     * {@code coordinators} subscribe what automatic coordinators discover.
     */
    public void startWorkers(java.util.function.UnaryOperator<EventWorker> consumers, de.allmende.service.CoordinatorService coordinators) {
        EventWorker events = new EventWorker(workDb, deliveryLease).on(Consumer.FAN_OUT, new FanOut(workDb)::apply)
                .onBatch(Consumer.NOTIFICATIONS, new NotificationWriter(workDb, iris)::applyAll)
                .onRecorded(Consumer.POLL_RESULTS, new de.allmende.service.LocalPolls(workDb, iris, outbox, clock)::apply);
        eventWorker = consumers.apply(events).start();
        inboxWorker = new InboxWorker(workDb, router).start();
        deliveryWorker = new DeliveryWorker(workDb, http, signer, schemes, iris, moderation, retry, clock, deliveryLease).start();
        backfillWorker = new de.allmende.federation.backfill.BackfillWorker(workDb, iris, actors, fetcher,
                de.allmende.federation.inbox.handlers.BackfilledItems.create(workDb, iris, actors, resolver, fetcher),
                deliveryLease, retryScale).start();
        discoveryWorker = new de.allmende.federation.backfill.DiscoveryWorker(workDb, iris, actors, coordinators, discovery, moderation,
                fetcher, deliveryLease, retryScale).start();
        directoryFacts = new de.allmende.federation.backfill.DirectoryFactsRefresh(db, iris, actors, discovery, clock).start();
    }

    /** The daily refresh of what coordinators' directories show about other nodes (started with the workers). */
    public de.allmende.federation.backfill.DirectoryFactsRefresh directoryFacts() {
        return directoryFacts;
    }

    @Override
    public void close() {
        inbox.close();
        if (backfillWorker != null) backfillWorker.close(); // first: it finishes the page at hand while the others still run
        closeTogether(discoveryWorker, directoryFacts, eventWorker, deliveryWorker, inboxWorker);
        http.close(); // last: the workers above may still finish a request while they stop
    }

    /**
     * Stops the workers at the same time: each waits for its queue loop's current wait (up to 25 ms) and for its jobs in
     * flight, and one after another these waits added up to a quarter of a second for every node stopped (every test
     * node, BENCHMARKS.md "The whole suite"). The queues are durable, so no worker needs another to stop first.
     */
    private static void closeTogether(AutoCloseable... workers) {
        List<Thread> closing = new ArrayList<>();
        for (AutoCloseable worker : workers) {
            if (worker == null) continue;
            closing.add(Thread.ofVirtual().name("closing-" + worker.getClass().getSimpleName()).start(() -> {
                try {
                    worker.close();
                } catch (Exception e) {
                    LOG.warn("stopping {} failed: {}", worker.getClass().getSimpleName(), e.toString());
                }
            }));
        }
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
