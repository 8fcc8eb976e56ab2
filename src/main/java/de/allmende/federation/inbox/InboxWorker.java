package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.store.InboxStore;
import de.allmende.store.InboxStore.InboxItem;

import java.io.IOException;
import java.time.Duration;

/**
 * Applies queued inbound activities on the shared {@link JobWorker}: each claimed item runs through the
 * {@link InboxItemPipeline}, and its outcome becomes the job's. Transient failures (a remote fetch, our database)
 * are retried with backoff; activities that cannot be applied are marked failed with the reason and never block
 * the queue. A crash before an item is marked processed only applies it again (idempotently).
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
        InboxItemPipeline pipeline = new InboxItemPipeline(router);
        Backoff backoff = new Backoff(Duration.ofMillis((long) (retryBaseSeconds * 3000)), 3, Duration.ofHours(1));
        this.worker = new JobWorker<>(db.dataSource(), InboxStore.QUEUE,
                new JobWorker.Settings("inbox", "allmende_inbox", PARALLEL, MAX_ATTEMPTS, LEASE, backoff),
                item -> recordOutcome(pipeline.apply(item)));
    }

    /** The last stage: the outcome as the job worker records it (returning: done; IOException: retry; else failed). */
    private static void recordOutcome(InboxOutcome outcome) throws IOException {
        switch (outcome) {
            case InboxOutcome.Applied applied -> { }
            case InboxOutcome.Ignored ignored -> { }
            case InboxOutcome.RetryLater retry -> throw new IOException(retry.reason());
            case InboxOutcome.Refused refused -> throw new IllegalArgumentException(refused.reason());
        }
    }

    public InboxWorker start() {
        worker.start();
        return this;
    }

    @Override
    public void close() {
        worker.close();
    }
}
