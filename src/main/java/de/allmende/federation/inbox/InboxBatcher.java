package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.store.HostStore;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static de.allmende.db.Tables.INBOX_ITEM;

/**
 * Group commit for the inbox: activities accepted while the previous commit was running are written
 * together in one multi-row INSERT and one durable commit. Each request still gets its 202 only after
 * its row is committed, so nothing acknowledged can be lost; under load PostgreSQL does a fraction of
 * the work per activity.
 */
final class InboxBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxBatcher.class);
    private static final int MAX_BATCH = 256;

    record Pending(String activityIri, String signer, String body, String host, CompletableFuture<Boolean> fresh) {}

    private final Database db;
    private final HostStore hosts = new HostStore();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean running = true;

    InboxBatcher(Database db) {
        this.db = db;
        this.flusher = Thread.ofVirtual().name("inbox-commit").start(this::run);
    }

    /** Completes with true when committed as new, false for a duplicate; exceptionally if the commit failed. */
    CompletableFuture<Boolean> submit(String activityIri, String signer, String body, String host) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IllegalStateException("inbox is shutting down"));
            return f;
        }
        queue.add(new Pending(activityIri, signer, body, host, f));
        return f;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("inbox commit of {} activities failed: {}", batch.size(), e.toString());
                batch.forEach(p -> p.fresh().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        Set<String> inserted = db.dsl().transactionResult(cfg -> {
            var tx = cfg.dsl();
            // Any inbound activity revives its host; a no-op (no row lock) unless the host had failures.
            for (String host : new LinkedHashSet<>(batch.stream().map(Pending::host).toList())) hosts.recordSuccess(tx, host);
            var insert = tx.insertInto(INBOX_ITEM, INBOX_ITEM.ACTIVITY_IRI, INBOX_ITEM.SIGNER, INBOX_ITEM.BODY);
            for (Pending p : batch) insert = insert.values(p.activityIri(), p.signer(), JSONB.valueOf(p.body()));
            Set<String> fresh = new HashSet<>(insert.onConflict(INBOX_ITEM.ACTIVITY_IRI).doNothing()
                    .returning(INBOX_ITEM.ACTIVITY_IRI).fetch(INBOX_ITEM.ACTIVITY_IRI));
            if (!fresh.isEmpty()) tx.select(DSL.field("pg_notify('allmende_inbox', '')")).fetch();
            return fresh;
        });
        for (Pending p : batch) p.fresh().complete(inserted.remove(p.activityIri())); // a repeat within the batch is a duplicate
    }

    @Override
    public void close() {
        running = false;
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
