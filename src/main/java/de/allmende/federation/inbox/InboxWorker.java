package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.db.queue.Admission;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.db.queue.Outcome;
import de.allmende.store.InboxStore;
import de.allmende.store.InboxStore.InboxItem;

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
        Backoff backoff = new Backoff(Duration.ofMillis((long) (retryBaseSeconds * 3000)), 3, Duration.ofHours(1), MAX_ATTEMPTS);
        this.worker = new JobWorker<>(db, InboxStore.QUEUE,
                new JobWorker.Settings("inbox", "allmende_inbox", LEASE, backoff, JobWorker.OutcomeConnection.POOLED),
                Admission.upTo(PARALLEL), item -> asJobOutcome(pipeline.apply(item)));
    }

    /** The last stage: the item's outcome as the job worker records it. */
    private static Outcome asJobOutcome(InboxOutcome outcome) {
        return switch (outcome) {
            case InboxOutcome.Applied applied -> Outcome.DONE;
            case InboxOutcome.Ignored ignored -> Outcome.DONE;
            case InboxOutcome.RetryLater retry -> Outcome.retry(retry.reason());
            case InboxOutcome.Refused refused -> Outcome.failed(refused.reason());
        };
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
