package de.allmende;

import de.allmende.config.NodeConfig;
import de.allmende.db.Database;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ActorService;
import de.allmende.service.BoostService;
import de.allmende.service.FollowRequestService;
import de.allmende.service.FollowService;
import de.allmende.service.KeyService;
import de.allmende.service.LikeService;
import de.allmende.service.ModerationService;
import de.allmende.service.NodeInfoService;
import de.allmende.service.NoteService;
import de.allmende.service.ProfileService;
import de.allmende.service.TokenService;
import de.allmende.service.media.FileTypeDetector;
import de.allmende.service.media.MediaFiles;
import de.allmende.service.media.MediaService;
import de.allmende.store.ActorStore;
import de.allmende.store.KeyStore;
import de.allmende.store.MediaStore;
import de.allmende.store.TokenStore;

import java.time.Clock;

/**
 * Composition root for everything below HTTP: database, stores and services, wired by hand.
 * Used by {@code serve} and by every CLI command, so both see the same rules.
 */
public final class Services implements AutoCloseable {
    public final NodeConfig config;
    public final Database db;
    public final Iris iris;
    public final KeyService keys;
    public final ActorService actors;
    public final NodeInfoService nodeInfo;
    public final TokenService tokens;
    public final MediaService media;
    public final Clock clock = Clock.systemUTC();
    public final ModerationService moderation;
    public final de.allmende.federation.Federation federation;
    public final de.allmende.service.ContentService content;
    public final NoteService notes;
    /** The merged calendar over every public event the node holds (issue 11). */
    public final de.allmende.service.CalendarService calendar;
    /** The statistics dashboard's figures, counted when first asked (or warmed at start on a coordinator's node). */
    public final de.allmende.service.StatisticsService statistics;
    public final FollowService follows;
    /** Coordinator mode (issue 11): subscriptions of coordinators to municipalities, and their backfill. */
    public final de.allmende.service.CoordinatorService coordinators;
    /** Curation (issue 11, point 9): what coordinators feature, pinned, boosted and "empfohlen" in search and directory. */
    public final de.allmende.service.CurationService curation;
    /** The relays this node subscribed to (FEP-ae0c). */
    public final de.allmende.service.RelaySubscriptions relays;
    public final FollowRequestService followRequests;
    public final LikeService likes;
    public final BoostService boosts;
    public final de.allmende.service.BlockService blocks;
    public final ProfileService profiles;
    public final de.allmende.service.people.PersonService people;
    public final de.allmende.service.people.LoginService logins;
    public final de.allmende.service.people.AuditTrail audit;
    public final de.allmende.service.oauth.OAuthApps oauthApps;
    public final de.allmende.service.oauth.Authorizations authorizations;
    public final de.allmende.service.oauth.OAuthTokens oauthTokens;
    /** Streaming (issue 10): what goes out to every process's open streams, and this process's open streams. */
    public final de.allmende.service.stream.Streams streams;
    public final de.allmende.service.stream.StreamHub streamHub;
    /** Web Push (issue 10): the node's VAPID key, apps' subscriptions, and the consumer that pushes notifications. */
    public final de.allmende.service.push.VapidKey vapid;
    public final de.allmende.service.push.PushSubscriptions pushSubscriptions;
    public final de.allmende.service.push.PushDelivery pushDelivery;
    /** Search over the public posts the node holds (issue 11, point 3), kept by the search-index consumer. */
    public final de.allmende.service.search.NodeSearch search;

    private Services(NodeConfig config, Database db) {
        this.config = config;
        this.db = db;
        this.iris = new Iris(config.publicUrl());
        db.changes().onlyAbout(iris.base().toString()); // other servers' IRIs are never rendered here
        KeyStore keyStore = new KeyStore();
        this.keys = KeyService.open(db, keyStore, config.masterKeyFile(), config.keyGracePeriod(), Clock.systemUTC());
        this.actors = new ActorService(db, new ActorStore(), keys, config.nodeName());
        this.nodeInfo = new NodeInfoService(actors);
        this.tokens = new TokenService(db, new TokenStore(), new ActorStore(), clock);
        this.media = new MediaService(db, new MediaStore(iris::media), new MediaFiles(config.mediaDir()), new FileTypeDetector(), iris, clock);
        this.moderation = new ModerationService(db, config.allowlistMode(), iris.instanceActor());
        this.federation = new de.allmende.federation.Federation(config, db, iris, keys, actors, moderation, clock);
        // The use cases reach the network only through the ports federation implements.
        this.content = new de.allmende.service.ContentService(db, iris, clock, federation.outbox);
        this.notes = new NoteService(db, iris, federation.outbox);
        this.calendar = new de.allmende.service.CalendarService(db, clock);
        this.statistics = new de.allmende.service.StatisticsService(db, new de.allmende.service.DirectoryService(db, iris, iris.base()), clock);
        this.follows = new FollowService(db, iris, federation.directory, federation.outbox);
        this.coordinators = new de.allmende.service.CoordinatorService(db, iris, federation.municipalities, follows);
        this.relays = new de.allmende.service.RelaySubscriptions(db, iris, federation.directory, federation.outbox, actors::instanceActor);
        this.followRequests = new FollowRequestService(db, iris, federation.directory, federation.outbox);
        this.likes = new LikeService(db, iris, federation.directory, federation.outbox);
        this.boosts = new BoostService(db, iris, federation.directory, federation.outbox);
        this.curation = new de.allmende.service.CurationService(db, iris, federation.outbox, boosts);
        this.blocks = new de.allmende.service.BlockService(db, iris, federation.directory, federation.outbox);
        this.profiles = new ProfileService(db, federation.outbox);
        var passwords = new de.allmende.service.people.Passwords(config.cheapPasswordHashes()
                ? de.allmende.service.people.Passwords.Cost.TESTS : de.allmende.service.people.Passwords.Cost.OWASP);
        // A one-time link opens the page where its holder chooses a password.
        this.people = new de.allmende.service.people.PersonService(db, passwords, secret -> java.net.URI.create(
                iris.base().resolve(de.allmende.route.Route.PASSWORD.path()) + "?token=" + secret), clock);
        this.logins = new de.allmende.service.people.LoginService(db, passwords, de.allmende.service.people.LoginPolicy.DEFAULT, clock);
        this.audit = new de.allmende.service.people.AuditTrail(db);
        this.oauthApps = new de.allmende.service.oauth.OAuthApps(db);
        this.authorizations = new de.allmende.service.oauth.Authorizations(db, oauthApps, clock);
        this.oauthTokens = new de.allmende.service.oauth.OAuthTokens(db, oauthApps, clock);
        this.streams = new de.allmende.service.stream.Streams(db);
        this.streamHub = new de.allmende.service.stream.StreamHub(db, token -> oauthTokens.authenticate(token).isPresent());
        this.vapid = new de.allmende.service.push.VapidKey(db, keys);
        this.pushSubscriptions = new de.allmende.service.push.PushSubscriptions(db, keys, config.allowPrivateNetworks());
        this.pushDelivery = new de.allmende.service.push.PushDelivery(db, pushSubscriptions,
                new de.allmende.federation.push.WebPushGateway(federation.http, vapid, config.publicUrl()), clock);
        this.search = new de.allmende.service.search.NodeSearch(db);
    }

    /**
     * Registers the handlers of the domain-event consumers beyond federation's own (see {@link de.allmende.domain.event.Consumer}).
     * Those every stored post has a job for take their jobs in batches (a backfill stores hundreds a second).
     */
    public de.allmende.service.events.EventWorker registerEventConsumers(de.allmende.service.events.EventWorker events) {
        var topicGroups = new de.allmende.service.TopicGroupBoosts(db, iris, boosts, clock);
        return events.on(de.allmende.domain.event.Consumer.PUSH, pushDelivery::apply)
                .onBatch(de.allmende.domain.event.Consumer.STREAMING, streams::applyAll)
                // two batches at once: indexing waits on PostgreSQL's text search, the only consumer that is not cheap
                .onBatch(de.allmende.domain.event.Consumer.SEARCH_INDEX, 2, new de.allmende.service.search.SearchIndexer(db)::applyAll)
                .onBatch(de.allmende.domain.event.Consumer.TOPIC_GROUPS,
                        de.allmende.service.events.EventWorker.BatchHandler.eachOf((id, event) -> topicGroups.apply(event)));
    }

    /** Opens the database, applies migrations, checks the master key and makes sure the instance actor exists. */
    public static Services open(NodeConfig config) {
        long t0 = System.nanoTime();
        Database db = Database.open(config);
        try {
            long t1 = System.nanoTime();
            db.migrate();
            long t2 = System.nanoTime();
            Services s = new Services(config, db);
            s.actors.ensureInstanceActor();
            if (config.cheapPasswordHashes()) {
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("password hashes are cheap ({}=tests): for test nodes only",
                        de.allmende.config.ConfigLoader.PASSWORD_HASHING);
            }
            org.slf4j.LoggerFactory.getLogger(Services.class).debug("database {} ms, migrations {} ms, keys and instance actor {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return s;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        streamHub.close();
        federation.close();
        db.close();
    }
}
