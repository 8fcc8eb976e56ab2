package de.allmende.cli;

import de.allmende.Node;
import de.allmende.config.NodeConfig;
import picocli.CommandLine.Command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the node: HTTP server, database (embedded unless ALLMENDE_DATABASE_URL is set) and migrations.")
public final class ServeCommand extends NodeCommand {
    @Override
    public Integer call() {
        NodeConfig config = config();
        AtomicReference<Node> started = new AtomicReference<>();
        CountDownLatch startEnded = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Graceful shutdown on SIGTERM/SIGINT: stop accepting, finish requests, close the pool, stop PostgreSQL.
        // Registered before the start, so a signal while the node starts (migrations, PostgreSQL) stops it once
        // it stands instead of leaving the embedded PostgreSQL behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                startEnded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Node node = started.get();
            if (node != null) node.close();
            stopped.countDown();
        }, "allmende-shutdown"));
        try {
            started.set(Node.start(config));
        } finally {
            startEnded.countDown();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
