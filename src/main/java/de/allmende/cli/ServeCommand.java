package de.allmende.cli;

import de.allmende.Node;
import de.allmende.config.NodeConfig;
import picocli.CommandLine.Command;

import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the node: HTTP server, database (embedded unless ALLMENDE_DATABASE_URL is set) and migrations.")
public final class ServeCommand extends NodeCommand {
    @Override
    public Integer call() {
        NodeConfig config = config();
        Node node = Node.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // Graceful shutdown on SIGTERM/SIGINT: stop accepting, finish requests, close the pool, stop PostgreSQL.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "allmende-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
