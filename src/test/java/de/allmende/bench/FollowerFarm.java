package de.allmende.bench;

import de.allmende.testkit.FollowerRows;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback receivers standing in for remote servers, and the follower rows that point at them:
 * {@code followers} distinct actors (no shared inboxes) spread over {@code hosts} receivers.
 */
final class FollowerFarm implements AutoCloseable {
    final AtomicInteger received = new AtomicInteger();
    private final List<HttpServer> receivers = new ArrayList<>();
    private final int followers;

    FollowerFarm(int followers, int hosts) throws IOException {
        this.followers = followers;
        for (int h = 0; h < hosts; h++) {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                received.incrementAndGet();
                ex.sendResponseHeaders(202, -1);
                ex.close();
            });
            s.start();
            receivers.add(s);
        }
    }

    /** Makes every farm actor an accepted follower of {@code followee}. */
    void follow(BenchNode node, String followee) throws Exception {
        StringBuilder actors = new StringBuilder("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES ");
        StringBuilder follows = new StringBuilder();
        for (int i = 0; i < followers; i++) {
            int port = receivers.get(i % receivers.size()).getAddress().getPort();
            String iri = "http://127.0.0.1:" + port + "/users/u" + i;
            actors.append(i == 0 ? "" : ",").append("('").append(iri).append("','127.0.0.1:").append(port)
                    .append("','Person','").append(iri).append("/inbox','{}')");
            follows.append(i == 0 ? "" : ",").append(FollowerRows.row(iri, followee, iri + "#follow"));
        }
        node.execute(actors.toString());
        node.execute(FollowerRows.acceptedFollows(follows.toString()));
    }

    /** Waits until every follower has received one more activity than before {@link #reset()}. */
    void awaitAll() throws Exception {
        Load.await(() -> received.get() >= followers, 120_000);
    }

    void reset() {
        received.set(0);
    }

    @Override
    public void close() {
        receivers.forEach(s -> s.stop(0));
    }
}
