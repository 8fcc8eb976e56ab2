package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.db.Jdbc;
import de.allmende.federation.delivery.QueueLoop;
import de.allmende.store.InboxStore;
import de.allmende.store.InboxStore.InboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Applies queued inbound activities: claims due items, runs each through the {@link InboxItemPipeline} on a
 * virtual thread, and records its outcome. Transient failures (a remote fetch, our database) are retried with
 * backoff; activities that cannot be applied are marked failed with the reason and never block the queue.
 */
public final class InboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final int PARALLEL = 16;
    private static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Database db;
    private final InboxItemPipeline pipeline;
    private final InboxStore inbox = new InboxStore();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> done = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private QueueLoop loop;

    /** First retry after this many seconds, then three times as long each time (tests use less). */
    private final double retryBaseSeconds;

    public InboxWorker(Database db, ActivityRouter router) {
        this(db, router, 5);
    }

    InboxWorker(Database db, ActivityRouter router, double retryBaseSeconds) {
        this.retryBaseSeconds = retryBaseSeconds;
        this.db = db;
        this.pipeline = new InboxItemPipeline(router);
    }

    public InboxWorker start() {
        loop = new QueueLoop("inbox", db.dataSource(), "allmende_inbox", this::drain).start();
        return this;
    }

    private int drain() {
        flushDone();
        int free = slots.availablePermits();
        if (free == 0) return 0;
        List<InboxItem> items = Jdbc.transaction(db.dataSource(), c -> inbox.claimDue(c, Math.min(free * 4, 128), LEASE));
        for (InboxItem item : items) {
            slots.acquireUninterruptibly();
            executor.submit(() -> {
                try {
                    process(item);
                } finally {
                    slots.release();
                }
            });
        }
        return items.size();
    }

    /** The stages of {@link InboxItemPipeline}, then: record the outcome. */
    private void process(InboxItem item) {
        recordOutcome(item, pipeline.apply(item));
    }

    private void recordOutcome(InboxItem item, InboxOutcome outcome) {
        try {
            switch (outcome) {
                // Marked in batches by the loop: a crash before that only re-applies (idempotently).
                case InboxOutcome.Applied applied -> done.add(item.id());
                case InboxOutcome.Ignored ignored -> done.add(item.id());
                case InboxOutcome.RetryLater retry -> retryOrGiveUp(item, retry.reason());
                case InboxOutcome.Refused refused -> db.dsl().transaction(cfg -> inbox.markFailed(cfg.dsl(), item.id(), refused.reason()));
            }
        } catch (RuntimeException e) {
            // Our database is still in trouble: nothing is lost, the item's lease ends and it is claimed again.
            LOG.debug("could not record the outcome of {}: {}", item.activityIri(), e.getMessage());
        }
    }

    private void retryOrGiveUp(InboxItem item, String reason) {
        if (item.attempts() >= MAX_ATTEMPTS) {
            db.dsl().transaction(cfg -> inbox.markFailed(cfg.dsl(), item.id(), "gave up: " + reason));
        } else {
            Duration delay = Duration.ofSeconds((long) Math.min(3600, retryBaseSeconds * Math.pow(3, item.attempts())));
            db.dsl().transaction(cfg -> inbox.retryLater(cfg.dsl(), item.id(), delay, reason));
        }
    }

    /** Marks applied items processed, many per statement. */
    private void flushDone() {
        if (done.isEmpty()) return;
        List<Long> ids = new java.util.ArrayList<>();
        for (Long id; (id = done.poll()) != null && ids.size() < 1000; ) ids.add(id);
        Jdbc.transaction(db.dataSource(), c -> {
            inbox.markProcessed(c, ids);
            return null;
        });
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            while (!done.isEmpty()) flushDone();
        } catch (RuntimeException e) {
            LOG.debug("could not mark the last items processed; they will be applied again: {}", e.getMessage());
        }
    }
}
