package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.db.queue.Admission;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.db.queue.Outcome;
import de.allmende.domain.LocalActor;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.inbox.handlers.BackfilledItems;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Json;
import de.allmende.service.ActorService;
import de.allmende.store.CoordinatorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Backfills the outboxes coordinators subscribed to, one durable job per subscription on the shared
 * {@link JobWorker}: page after page, each fetched signed by the coordinator at the host's pace ({@link HostPace}),
 * its items kept ({@link BackfilledItems}) and the cursor moved past it in one transaction. A claim is leased (and
 * renewed while the job runs), so one process reads a job's pages; a restart, a crash or a failed fetch continues
 * at the first page not done. A stopping node finishes the page at hand and gives the job back.
 */
public final class BackfillWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackfillWorker.class);
    /**
     * Jobs read at once. In production most of them wait for their host's pace (one page per second per host, see
     * {@link HostPace}) on a virtual thread that holds no connection, so many hosts are read at once cheaply: 1,000
     * items a second need 50 hosts at 20 items a page.
     */
    private static final int PARALLEL = 64;
    /** Pages kept (written) at once: each holds a connection for its transaction, and the pool is shared with the other workers. */
    private static final int WRITING = 8;
    /** A page of 20 to 40 embedded activities is larger than an actor document; a slow host gets some time. */
    private static final Limits PAGE = new Limits(Duration.ofSeconds(15), 4 * SafeHttpClient.MAX_BODY);
    /** One fetch per second per host in production (Mastodon's outbox pages hold 20 items). */
    static final Duration PACE = Duration.ofSeconds(1);
    /** Pages never end if a host links them in a circle; ten thousand pages are 200,000 items. */
    private static final int MAX_PAGES = 10_000;

    private final Database db;
    private final Iris iris;
    private final ActorService actors;
    private final RemoteFetcher fetcher;
    private final BackfilledItems items;
    private final HostPace pace;
    private final CoordinatorStore store = new CoordinatorStore();
    private final JobWorker<BackfillJob> worker;
    private final java.util.concurrent.Semaphore writing = new java.util.concurrent.Semaphore(WRITING);
    private volatile boolean stopping;

    /** @param scale shrinks the pace and the retry schedule for tests (1.0 in production), as for deliveries */
    public BackfillWorker(Database db, Iris iris, ActorService actors, RemoteFetcher fetcher, BackfilledItems items, Duration lease,
                          double scale) {
        this.db = db;
        this.iris = iris;
        this.actors = actors;
        this.fetcher = fetcher;
        this.items = items;
        this.pace = new HostPace(db, Duration.ofMillis((long) (PACE.toMillis() * scale)));
        Backoff retries = new Backoff(Duration.ofMillis((long) (2000 * scale)), 2, Duration.ofHours(1), 30);
        this.worker = new JobWorker<>(db, BackfillJob.QUEUE,
                new JobWorker.Settings("backfill", CoordinatorStore.CHANNEL, lease, retries, JobWorker.OutcomeConnection.POOLED),
                Admission.upTo(PARALLEL), this::run);
    }

    public BackfillWorker start() {
        worker.start();
        return this;
    }

    private Outcome run(BackfillJob job) throws IOException {
        Optional<LocalActor> coordinator = actors.findById(job.coordinatorId());
        if (coordinator.isEmpty()) return Outcome.failed("the coordinator is gone");
        Reader reader = new Reader(job, coordinator.get().id(), iris.actor(coordinator.get().handle()));
        Optional<URI> page = job.nextPage().isPresent() ? job.nextPage() : reader.firstPage();
        for (int pages = 0; page.isPresent() && pages < MAX_PAGES; pages++) {
            if (stopping) return Outcome.retry("node stopping; continues at " + page.get());
            URI current = page.get();
            JsonNode doc = reader.fetch(current);
            List<de.allmende.service.BackfilledPage.Item> keep = items.readPage(Json.each(doc.has("orderedItems")
                    ? doc.get("orderedItems") : doc.get("items")), job.municipality(), Optional.ofNullable(doc.get("@context")));
            Optional<URI> next = Json.uri(doc.get("next")).filter(n -> sameHost(n, job.municipality()) && !n.equals(current));
            if (!keepPage(job, keep, next)) {
                LOG.info("{}: no longer ours (unsubscribed, or taken over by another process)", job.describe());
                return Outcome.retry("claim no longer stands");
            }
            page = next;
        }
        return Outcome.DONE;
    }

    /**
     * Keeps a page's items, their events and the cursor past the page in one transaction: a crash redoes the whole
     * page, never half of it. Returns false if the job's claim no longer stands.
     */
    private boolean keepPage(BackfillJob job, List<de.allmende.service.BackfilledPage.Item> keep, Optional<URI> next) throws IOException {
        try {
            writing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        try {
            return db.dsl().transactionResult(cfg -> {
                items.keep(cfg.dsl(), keep);
                return store.advance(cfg.dsl(), job.id(), job.attempts(), next, keep.size());
            });
        } finally {
            writing.release();
        }
    }

    /** Reads one job's pages, signed by its coordinator, each after the host's pace allows. */
    private final class Reader {
        private final BackfillJob job;
        private final long coordinatorId;
        private final URI coordinatorIri;

        Reader(BackfillJob job, long coordinatorId, URI coordinatorIri) {
            this.job = job;
            this.coordinatorId = coordinatorId;
            this.coordinatorIri = coordinatorIri;
        }

        /** The outbox's first page; the outbox itself if it lists its items without pages. */
        Optional<URI> firstPage() throws IOException {
            JsonNode outbox = fetch(job.outbox());
            JsonNode first = outbox.get("first");
            Optional<URI> firstIri = first != null && first.isObject() ? Json.uri(first.get("id")) : Json.uri(first);
            if (firstIri.isPresent()) return firstIri.filter(f -> sameHost(f, job.municipality()));
            return outbox.has("orderedItems") || outbox.has("items") ? Optional.of(job.outbox()) : Optional.empty();
        }

        JsonNode fetch(URI page) throws IOException {
            pace.beforeFetch(page.getRawAuthority());
            return fetcher.fetchAs(page, coordinatorId, coordinatorIri, PAGE);
        }
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getRawAuthority() != null && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }

    @Override
    public void close() {
        stopping = true;
        worker.close();
    }
}
