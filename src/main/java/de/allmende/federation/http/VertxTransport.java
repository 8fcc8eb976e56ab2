package de.allmende.federation.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * The client's own small Vert.x instance and HTTP client. Its own, not the node's: response handlers
 * then always run on an event loop of this instance, never queued behind a verticle that is busy with
 * JDBC, and CLI commands get a working client without a node. Callers wait with {@link Future#await()},
 * which on a virtual-thread verticle suspends only the waiting request (the verticle serves others
 * meanwhile) and on any other virtual or plain thread simply parks it (vertx-core 5.0.10,
 * {@code Future.await} → {@code WorkerExecutor.unwrapWorkerExecutor}). On a Vert.x event-loop or worker
 * thread it throws {@code IllegalStateException}: never call the client there.
 */
final class VertxTransport implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClient client;

    /** @param trust certificates to trust instead of the JDK's default ones, or null */
    VertxTransport(HostPolicy policy, TrustOptions trust) {
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2).setInternalBlockingPoolSize(2)
                        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)))
                .build();
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAliveTimeout(30)
                        .setVerifyHost(true)
                        .setDecompressionSupported(false)
                        .setName("allmende-outbound")
                        .setTrustOptions(trust))
                // One pool per (address, host); the bulkhead already caps a host at maxConcurrent calls,
                // so no call waits for a pooled connection.
                .with(new PoolOptions().setHttp1MaxSize(policy.maxConcurrent()))
                .build();
    }

    /** The host's addresses, resolved on a virtual thread so a slow DNS answer is bounded by the deadline too. */
    List<InetAddress> resolve(HostResolver resolver, String host, Deadline deadline) throws IOException {
        Promise<List<InetAddress>> resolved = Promise.promise();
        long timer = vertx.setTimer(deadline.remainingMillis(), id -> resolved.tryFail(deadline.exceeded("resolving " + host)));
        Thread.ofVirtual().name("resolve-" + host).start(() -> {
            try {
                resolved.tryComplete(resolver.resolve(host));
            } catch (IOException | RuntimeException e) {
                resolved.tryFail(e);
            } finally {
                vertx.cancelTimer(timer);
            }
        });
        return await(resolved.future());
    }

    SafeHttpClient.Response exchange(Exchange.Hop hop, Deadline deadline, int maxBytes) throws IOException {
        return await(Exchange.start(vertx, client, hop, deadline, maxBytes));
    }

    /** Waits without holding a virtual-thread verticle (see the class comment); every future here has a deadline. */
    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.await();
        } catch (Exception e) { // await() rethrows the failure as it is, checked or not
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            // Failures are made on the event loop; the waiting caller's stack is the one that tells where the call came from.
            IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            failure.setStackTrace(new Throwable().getStackTrace());
            throw failure;
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
