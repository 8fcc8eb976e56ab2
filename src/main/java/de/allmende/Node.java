package de.allmende;

import de.allmende.api.HttpVerticle;
import de.allmende.api.server.ConnectionGuard;
import de.allmende.config.ConfigException;
import de.allmende.config.ConfigLoader;
import de.allmende.config.NodeConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;

/** A running node: services plus the HTTP server. {@link #close()} drains requests, then stops the database. */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** HTTP verticle instances on the event loops; each request's handlers run on a virtual thread of their own. */
    private static final int HTTP_INSTANCES = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final Services services;
    private final Vertx vertx;
    private final int port;

    private Node(Services services, Vertx vertx, int port) {
        this.services = services;
        this.vertx = vertx;
        this.port = port;
    }

    public static Node start(NodeConfig config) {
        long t0 = System.nanoTime();
        if (config.httpPort() != 0) ensurePortFree(config); // before the database starts: fail in a moment, not after migrations
        Services services = Services.open(config);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setJvmMetricsEnabled(true)
                        .setDisabledMetricsCategories(java.util.Set.of(MetricsDomain.HTTP_SERVER.name(), MetricsDomain.NET_SERVER.name()))
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .withMetrics(new MicrometerMetricsFactory())
                .build();
        try {
            int port = config.httpPort() == 0 ? freePort() : config.httpPort();
            AtomicReference<HttpVerticle> last = new AtomicReference<>();
            de.allmende.api.HttpHandlers handlers = de.allmende.api.HttpHandlers.create(services);
            ConnectionGuard guard = new ConnectionGuard(config.httpLimits());
            guard.start(vertx);
            vertx.deployVerticle(() -> {
                HttpVerticle v = new HttpVerticle(services, handlers, guard, port);
                last.set(v);
                return v;
            }, new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP).setInstances(HTTP_INSTANCES)).await();
            services.actors.ensureAllTopicGroups(); // coordinators made before topic groups existed get theirs
            services.federation.startWorkers(services::registerEventConsumers, services.coordinators);
            scheduleMediaCleanup(services, vertx);
            scheduleLoginCleanup(services, vertx);
            scheduleStartupCompaction(vertx);
            scheduleStatisticsWarmUp(services, vertx);
            LOG.info("node {} serving on {}:{} in {} ms", config.publicUrl(), config.httpHost(), port,
                    (System.nanoTime() - t0) / 1_000_000);
            return new Node(services, vertx, port);
        } catch (RuntimeException e) {
            vertx.close().await();
            services.close();
            if (causedByBind(e)) throw portInUse(config); // taken between the check and the listen
            throw e;
        }
    }

    private static void ensurePortFree(NodeConfig config) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the HTTP server binds: a port in TIME_WAIT is free
            probe.bind(new java.net.InetSocketAddress(config.httpHost(), config.httpPort()));
        } catch (java.net.BindException e) {
            throw portInUse(config);
        } catch (java.io.IOException e) {
            // anything else (an unknown host, say) is reported by the HTTP server itself
        }
    }

    private static ConfigException portInUse(NodeConfig config) {
        return new ConfigException(ConfigLoader.HTTP_PORT, "port " + config.httpPort() + " on " + config.httpHost()
                + " is already in use (is another node running?)");
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
        }
        return false;
    }

    /** Files left by crashes or interrupted uploads go soon after start and then hourly. */
    private static void scheduleMediaCleanup(Services services, Vertx vertx) {
        vertx.setPeriodic(5_000, 3_600_000, id -> Thread.ofVirtual().name("media-cleanup").start(() -> {
            try {
                services.media.removeOrphans();
            } catch (RuntimeException e) {
                LOG.warn("media cleanup failed", e);
            }
        }));
    }

    /**
     * Start-up leaves garbage (migrations check, templates, first compilations) that a quiet node would hold in
     * its heap for hours: SerialGC collects the old generation only when it is full. One full collection once the
     * node has settled lets the heap shrink to what it uses (MaxHeapFreeRatio) and gives the rest back to the
     * system, as G1's periodic collection does for idle JVMs (about 8 MiB, BENCHMARKS.md "Footprint").
     */
    private static void scheduleStartupCompaction(Vertx vertx) {
        vertx.setTimer(20_000, id -> Thread.ofVirtual().name("startup-compaction").start(System::gc));
    }

    /**
     * A node that holds much (a coordinator's, aggregating the network: a million items take seconds per count) has its
     * dashboard counted soon after start rather than when the first visitor asks; others count when asked (milliseconds).
     */
    private static void scheduleStatisticsWarmUp(Services services, Vertx vertx) {
        vertx.setTimer(5_000, id -> Thread.ofVirtual().name("statistics-warm-up").start(() -> {
            try {
                services.statistics.warmIfLarge();
            } catch (RuntimeException e) {
                LOG.warn("counting the statistics at start failed: {}", e.toString());
            }
        }));
    }

    /** Expired sessions, one-time links, codes and stale login counters go hourly. */
    private static void scheduleLoginCleanup(Services services, Vertx vertx) {
        vertx.setPeriodic(60_000, 3_600_000, id -> Thread.ofVirtual().name("login-cleanup").start(() -> {
            try {
                services.logins.removeExpired();
            } catch (RuntimeException e) {
                LOG.warn("login cleanup failed", e);
            }
        }));
    }

    public int port() { return port; }

    public Services services() { return services; }

    public Vertx vertx() { return vertx; }

    @Override
    public void close() {
        try {
            vertx.close().await();
        } finally {
            services.close();
        }
        LOG.info("node stopped");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
