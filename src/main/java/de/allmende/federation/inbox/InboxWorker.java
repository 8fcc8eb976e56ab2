package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Database;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.store.InboxStore;
import de.allmende.store.InboxStore.InboxItem;

import java.net.URI;
import java.time.Duration;

/**
 * Applies queued inbound activities on the shared {@link JobWorker}. Transient failures (a remote fetch, our
 * database) are retried with backoff; activities that cannot be applied are marked failed with the reason and
 * never block the queue. A crash before an item is marked processed only applies it again (idempotently).
 */
public final class InboxWorker implements AutoCloseable {
    private static final int PARALLEL = 16;
    private static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JobWorker<InboxItem> worker;

    public InboxWorker(Database db, ActivityRouter router) {
        this(db, router, 5);
    }

    /** @param retryBaseSeconds first retry after this many seconds, then three times as long each time (tests use less) */
    InboxWorker(Database db, ActivityRouter router, double retryBaseSeconds) {
        Backoff backoff = new Backoff(Duration.ofMillis((long) (retryBaseSeconds * 3000)), 3, Duration.ofHours(1));
        this.worker = new JobWorker<>(db.dataSource(), InboxStore.QUEUE,
                new JobWorker.Settings("inbox", "allmende_inbox", PARALLEL, MAX_ATTEMPTS, LEASE, backoff),
                item -> router.route((ObjectNode) item.body(), actorOf(item)));
    }

    public InboxWorker start() {
        worker.start();
        return this;
    }

    /** The activity's actor; the pipeline checked it is the signer or proven by an object proof. */
    private static URI actorOf(InboxItem item) {
        // Read exactly as the pipeline read it (string, {"id": …} or a one-element array).
        return de.allmende.federation.json.Json.uri(item.body().get("actor"))
                .orElseThrow(() -> new IllegalArgumentException("activity without actor"));
    }

    @Override
    public void close() {
        worker.close();
    }
}
