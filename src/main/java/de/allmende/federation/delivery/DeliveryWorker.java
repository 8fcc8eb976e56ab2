package de.allmende.federation.delivery;

import de.allmende.db.Database;
import de.allmende.db.queue.JobWorker;
import de.allmende.db.queue.Outcome;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.http.SignatureSchemes;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.store.DeliveryStore;
import de.allmende.store.DeliveryStore.Delivery;
import de.allmende.store.HostStore;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivery on the shared {@link JobWorker}: {@link DeliveryLanes} decide which claimed rows go on the wire (per
 * host, in all, young), {@link DeliverySender} sends each, and the outcomes are group-committed on the worker's own
 * connection together with the hosts' health (Mastodon's failure days). A crash leaves claimed rows leased; they
 * become due again when the lease ends (at-least-once); while the worker lives it renews the leases of all rows it
 * holds, and it sends a row only if its claim still stands.
 */
public final class DeliveryWorker implements AutoCloseable {
    public static final String CONTENT_TYPE = DeliverySender.CONTENT_TYPE;

    private final JobWorker<Delivery> worker;

    /**
     * @param db a relaxed-commit database (see {@link Database#relaxedCommits()}): losing the last status
     *           updates in a crash only means those rows are sent again, which at-least-once allows
     */
    public DeliveryWorker(Database db, SafeHttpClient http, RequestSigner signer, SignatureSchemes schemes, Iris iris,
                          ModerationService moderation, RetryPolicy retry, Clock clock, Duration lease) {
        DeliveryLanes lanes = new DeliveryLanes();
        DeliverySender sender = new DeliverySender(db, http, signer, schemes, iris, moderation, lanes);
        this.worker = new JobWorker<>(db, DeliveryStore.QUEUE,
                new JobWorker.Settings("delivery", "allmende_delivery", lease, retry, JobWorker.OutcomeConnection.OWN),
                lanes, sender::send, (c, batch) -> recordHostHealth(c, batch, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    /** A host that answered 2xx is healthy again; one to be retried failed today (failed for good: the row's fault). */
    private static void recordHostHealth(Connection c, List<JobWorker.Recorded<Delivery>> batch, LocalDate today)
            throws java.sql.SQLException {
        HostStore hosts = new HostStore();
        Set<String> succeeded = new LinkedHashSet<>();
        for (JobWorker.Recorded<Delivery> r : batch) {
            switch (r.outcome()) {
                case Outcome.Done done -> succeeded.add(r.job().host());
                case Outcome.Retry retry -> hosts.recordFailure(DSL.using(c, SQLDialect.POSTGRES), r.job().host(), today);
                case Outcome.Failed failed -> { }
            }
        }
        if (!succeeded.isEmpty()) hosts.recordSuccess(c, succeeded); // a no-op unless a host had failures
    }

    public DeliveryWorker start() {
        worker.start();
        return this;
    }

    @Override
    public void close() {
        worker.close();
    }
}
