package de.allmende.federation.backfill;

import de.allmende.db.Database;
import de.allmende.db.queue.Admission;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.db.queue.Outcome;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ActorService;
import de.allmende.service.CoordinatorService;
import de.allmende.service.ModerationService;
import de.allmende.store.DiscoveryStore;
import de.allmende.store.DiscoveryStore.Kind;
import de.allmende.support.ApiException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Automatic subscription (issue 11, point 1): works the candidates automatic coordinators learnt of, one durable job
 * each ({@code coordinator_discovery}, leased, resumable), one at a time and at each host's pace ({@link HostPace}, the
 * backfill's, shared by every process):
 * <ul>
 *   <li>a municipality whose public activity came through a relay: subscribed to if its server's NodeInfo says
 *       Allmende and lists it among its municipalities;</li>
 *   <li>a server: if its NodeInfo says Allmende, every municipality it lists is subscribed to;</li>
 *   <li>a subscribed municipality's follow graph ({@link FollowGraph}): each server it names becomes a candidate.</li>
 * </ul>
 * Subscribing is the coordinator use case's ({@link CoordinatorService#subscribeNew}), which follows nobody twice and
 * queues the new municipality's own follow graph, so discovery spreads through the network until it knows every node.
 * Never subscribed to: this node's own municipalities, and anyone the node or the coordinator blocks.
 */
public final class DiscoveryWorker implements AutoCloseable {
    private final Iris iris;
    private final ActorService actors;
    private final CoordinatorService coordinators;
    private final MunicipalityDiscovery municipalities;
    private final ModerationService moderation;
    private final FollowGraph graphs;
    private final HostPace pace;
    private final Database db;
    private final DiscoveryStore store = new DiscoveryStore();
    private final JobWorker<DiscoveryJob> worker;

    /** @param scale shrinks the pace and the retry schedule for tests (1.0 in production), as for the backfill */
    public DiscoveryWorker(Database db, Iris iris, ActorService actors, CoordinatorService coordinators, MunicipalityDiscovery municipalities,
                           ModerationService moderation, de.allmende.federation.fetch.RemoteFetcher fetcher, Duration lease, double scale) {
        this.db = db;
        this.iris = iris;
        this.actors = actors;
        this.coordinators = coordinators;
        this.municipalities = municipalities;
        this.moderation = moderation;
        this.pace = new HostPace(db, Duration.ofMillis((long) (BackfillWorker.PACE.toMillis() * scale)));
        this.graphs = new FollowGraph(fetcher, pace);
        Backoff retries = new Backoff(Duration.ofMillis((long) (2000 * scale)), 2, Duration.ofHours(1), 12);
        this.worker = new JobWorker<>(db, DiscoveryJob.QUEUE,
                new JobWorker.Settings("discovery", DiscoveryStore.CHANNEL, lease, retries, JobWorker.OutcomeConnection.POOLED),
                Admission.upTo(1), this::run); // one at a time: two candidates naming one municipality never race to follow it
    }

    public DiscoveryWorker start() {
        worker.start();
        return this;
    }

    private Outcome run(DiscoveryJob job) throws IOException {
        Optional<LocalActor> coordinator = actors.findById(job.coordinatorId());
        if (coordinator.isEmpty()) return Outcome.failed("the coordinator is gone");
        try {
            String outcome = switch (job.kind()) {
                case ACTOR -> municipality(coordinator.get(), job.candidate());
                case NODE -> node(coordinator.get(), job.candidate());
                case GRAPH -> graph(coordinator.get(), job.candidate());
            };
            db.dsl().transaction(cfg -> store.outcome(cfg.dsl(), job.id(), outcome));
            return Outcome.DONE;
        } catch (ApiException e) {
            if (e.status() >= 500) return Outcome.retry(e.getMessage()); // the other server's trouble: later
            db.dsl().transaction(cfg -> store.outcome(cfg.dsl(), job.id(), "not subscribed: " + e.getMessage()));
            return Outcome.DONE;
        }
    }

    private String municipality(LocalActor coordinator, URI actor) throws IOException {
        if (excluded(coordinator, actor)) return "not subscribed: local or blocked";
        Optional<List<URI>> listed = allmendeMunicipalities(FollowGraph.server(actor));
        if (listed.isEmpty()) return "not subscribed: its server is no Allmende node";
        if (!listed.get().contains(actor)) return "not subscribed: its node does not list it as a municipality";
        return coordinators.subscribeNew(coordinator, List.of(actor)).isEmpty() ? "subscribed already" : "subscribed";
    }

    private String node(LocalActor coordinator, URI node) throws IOException {
        if (iris.isLocal(node) || moderation.isBlockedDomain(node.getRawAuthority())) return "not asked: this node, or blocked";
        Optional<List<URI>> listed = allmendeMunicipalities(node);
        if (listed.isEmpty()) return "no Allmende node";
        int subscribed = 0;
        for (URI m : listed.get()) {
            if (excluded(coordinator, m)) continue;
            try {
                subscribed += coordinators.subscribeNew(coordinator, List.of(m)).size();
            } catch (ApiException e) {
                if (e.status() >= 500) throw e; // retried; those subscribed by then are skipped next time
                // this one is no municipality to follow (no outbox, say): the others still are
            }
        }
        return "Allmende node; subscribed to " + subscribed + " of " + listed.get().size();
    }

    private String graph(LocalActor coordinator, URI municipality) throws IOException {
        Set<URI> servers = graphs.servers(municipality, coordinator.id(), iris.actor(coordinator.handle()));
        int learnt = 0;
        for (URI server : servers) {
            if (iris.isLocal(server) || moderation.isBlockedDomain(server.getRawAuthority())) continue;
            boolean added = db.dsl().transactionResult(cfg -> store.learn(cfg.dsl(), coordinator.id(), Kind.NODE, server,
                    "follow graph of " + municipality));
            if (added) learnt++;
        }
        return "named " + servers.size() + " servers, " + learnt + " new";
    }

    private Optional<List<URI>> allmendeMunicipalities(URI node) throws IOException {
        pace.beforeFetch(node.getRawAuthority());
        return municipalities.ofAllmendeNode(node);
    }

    /** This node's own, or blocked by the node or by the coordinator. */
    private boolean excluded(LocalActor coordinator, URI actor) {
        return iris.isLocal(actor) || moderation.isBlockedDomain(actor.getRawAuthority()) || moderation.isBlockedActor(actor.toString())
                || store.blockedBy(db.dsl(), coordinator.id(), actor);
    }

    @Override
    public void close() {
        worker.close();
    }
}
