package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.db.Jdbc;
import de.allmende.store.HostStore;
import de.allmende.store.InboxStore;
import de.allmende.store.InboxStore.NewItem;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

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
    private final InboxStore inbox = new InboxStore();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean running = true;
    /** Put on the queue by {@link #close()} so the flusher sees at once that it is to stop (not after its 200 ms poll). */
    private static final Pending WAKE = new Pending("", "", "", "", new CompletableFuture<>());

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
                batch.add(queue.take()); // close() adds WAKE
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(p -> p == WAKE);
                if (!batch.isEmpty()) commit(batch);
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
        Set<String> inserted;
        try {
            inserted = insert(batch);
        } catch (DataAccessException e) {
            if (batch.size() == 1 || !String.valueOf(e.sqlState()).startsWith("22")) throw e;
            // A row PostgreSQL cannot store (class 22, data exception) must not cost the others their 202:
            // commit them one by one, so only it fails. Other failures (database away) fail the batch.
            LOG.info("inbox commit of {} activities failed ({}); committing them one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                try {
                    commit(List.of(p));
                } catch (RuntimeException single) {
                    p.fresh().completeExceptionally(single);
                }
            }
            return;
        }
        for (Pending p : batch) p.fresh().complete(inserted.remove(p.activityIri())); // a repeat within the batch is a duplicate
    }

    /** One multi-row INSERT and one durable commit; returns the activity ids that were new. */
    private Set<String> insert(List<Pending> batch) {
        return Jdbc.transaction(db.dataSource(), c -> {
            // Any inbound activity revives its host; a no-op (no row lock) unless the host had failures.
            hosts.recordSuccess(c, new LinkedHashSet<>(batch.stream().map(Pending::host).toList()));
            Set<String> fresh = inbox.enqueueAll(c, batch.stream().map(p -> new NewItem(p.activityIri(), p.signer(), p.body())).toList());
            if (!fresh.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute("NOTIFY allmende_inbox");
                }
            }
            return fresh;
        });
    }

    @Override
    public void close() {
        running = false;
        queue.add(WAKE);
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
